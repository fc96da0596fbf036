from lib import N, national_cells, national_tab

META = {
    "source": "http://www.harbin.gov.cn/art/2016/3/30/art_13892_247311.html",
    "agency": "哈尔滨市人民政府",
    "year": 2015, "period": "year", "form": "legacy", "published": "2016-03-30",
}

vals = {
    "proactive.total": 14260, "legacy.normative_disclosed": 31, "legacy.normative_issued": 31,
    "proactive.gazette": 212, "proactive.website": 11874, "proactive.weibo": 1206, "proactive.wechat": 853,
    "proactive.other_channels": 115,
    "response.hot_topics": 27, "response.press_conferences": 48, "x.chief_press": 12,
    "response.online_interviews": 16, "x.chief_interviews": 6, "proactive.interpretations": 64,
    "response.weibo_wechat": 95, "x.other_response": 8,
    "apps_new.total": 326, "apps_channel.in_person": 71, "apps_channel.fax": 1, "apps_channel.online": 198,
    "apps_channel.mail": 56, "apps_closed.total": 318, "apps_closed.on_time": 309, "apps_closed.extended": 9,
    "outcome_total.total": 318, "reply.already_public": 44, "granted.total": 109, "partial.total": 17,
    "denied.total": 12, "denied_state_secret.total": 2, "denied_commercial_secret.total": 1, "denied_privacy.total": 4,
    "denied_safety.total": 1, "denied_not_gov_info.total": 3, "denied_law.total": 1,
    "reply.not_this_agency": 58, "reply.not_exist": 61, "reply.ask_amend": 11, "reply.other_channel": 6,
    "review.total": 14, "review.upheld": 10, "review.corrected": 2, "review.other": 2,
    "litigation.total": 7, "litigation.upheld": 5, "litigation.corrected": 1, "litigation.other": 1,
    "complaints.total": 2, "fees.collected": 0, "staff.units": 1, "staff.reading_points": 23,
    "staff.total": 9, "staff.fulltime": 3, "staff.parttime": 6, "budget.special": 48.5,
    "meetings.total": 4, "trainings.total": 3, "trainees.total": 410,
}

SRC = f"""哈尔滨市人民政府办公厅关于公布哈尔滨市人民政府2015年政府信息公开工作年度报告的通知
哈政办发〔2016〕9号

各区、县（市）人民政府，市政府各委、办、局，各有关单位：
根据《中华人民共和国政府信息公开条例》规定，经市政府同意，现将《哈尔滨市人民政府2015年政府信息公开工作年度报告》予以公布。

哈尔滨市人民政府办公厅
2016年3月29日

哈尔滨市人民政府2015年政府信息公开工作年度报告

本报告由市政府办公厅根据各区、县（市）政府和市政府各部门年度报告汇总编制，所列数据的统计期限自2015年1月1日起至12月31日止。

一、概述
2015年，市政府以推进“五大规划”落地和冰雪经济发展为中心，深化行政权力清单、责任清单公开。全市各级行政机关共主动公开政府信息26.8万条，受理依申请公开2917件，其中市政府本级主动公开{N("proactive.total", 14260)}条，受理申请{N("apps_new.total", 326)}件。

二、复议诉讼情况
市政府本级因政府信息公开被申请行政复议{N("review.total", 14)}件，被提起行政诉讼{N("litigation.total", 7)}件。全市行政复议机关共办理各类行政复议案件1683件，市法律援助中心办理案件4219件。

三、存在的问题和改进措施
一是部分县（市）政府网站内容保障不足；二是回应关切的时效性有待加强。2016年，将实施政府网站绩效评估，建立舆情回应责任制。

附件：哈尔滨市人民政府2015年政府信息公开情况统计表

{national_tab(national_cells(vals))}
"""
