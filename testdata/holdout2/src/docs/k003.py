from lib import N, national_cells, national_lines

META = {
    "source": "http://www.ly.gov.cn/html/1/2/29/41/10187254.html",
    "agency": "洛阳市人民政府",
    "year": 2016, "period": "year", "form": "legacy", "published": "2017-03-28",
}

vals = {
    "proactive.total": 21436, "legacy.normative_disclosed": 23, "legacy.normative_issued": 23,
    "proactive.gazette": 168, "proactive.website": 17842, "proactive.weibo": 2210, "proactive.wechat": 1016,
    "proactive.other_channels": 200,
    "response.hot_topics": 41, "response.press_conferences": 36, "x.chief_press": 9,
    "response.online_interviews": 24, "x.chief_interviews": 5, "proactive.interpretations": 57,
    "response.weibo_wechat": 133, "x.other_response": 12,
    "apps_new.total": 214, "apps_channel.in_person": 58, "apps_channel.fax": 0, "apps_channel.online": 121,
    "apps_channel.mail": 35, "apps_closed.total": 209, "apps_closed.on_time": 201, "apps_closed.extended": 8,
    "outcome_total.total": 209, "reply.already_public": 37, "granted.total": 82, "partial.total": 11,
    "denied.total": 6, "denied_state_secret.total": 1, "denied_commercial_secret.total": 0, "denied_privacy.total": 2,
    "denied_safety.total": 0, "denied_not_gov_info.total": 3, "denied_law.total": 0,
    "reply.not_this_agency": 29, "reply.not_exist": 33, "reply.ask_amend": 7, "reply.other_channel": 4,
    "review.total": 9, "review.upheld": 7, "review.corrected": 1, "review.other": 1,
    "litigation.total": 5, "litigation.upheld": 4, "litigation.corrected": 0, "litigation.other": 1,
    "complaints.total": 3, "fees.collected": 0, "staff.units": 1, "staff.reading_points": 19,
    "staff.total": 12, "staff.fulltime": 4, "staff.parttime": 8, "budget.special": 35,
    "meetings.total": 3, "trainings.total": 4, "trainees.total": 520,
}

SRC = f"""洛阳市人民政府2016年政府信息公开工作年度报告
2017年03月28日  来源：洛阳市人民政府办公室  【打印】【关闭】

根据《中华人民共和国政府信息公开条例》和《河南省政府信息公开规定》，现公布洛阳市人民政府2016年政府信息公开工作年度报告。报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。

一、概述
2016年，市政府以贯彻落实中办、国办《关于全面推进政务公开工作的意见》为主线，完善政务公开制度体系，围绕“9+2”工作布局推进重点领域信息公开。全市各县（市、区）政府和市直部门共主动公开政府信息18.7万条，受理依申请公开1382件。市政府本级情况如下。

二、主动公开政府信息情况
市政府全年主动公开政府信息{N("proactive.total", 21436)}条，其中通过政府网站公开{N("proactive.website", 17842)}条，通过《洛阳市人民政府公报》公开{N("proactive.gazette", 168)}条。制发规范性文件{N("legacy.normative_issued", 23)}件，全部主动公开。

三、依申请公开情况
市政府全年收到申请{N("apps_new.total", 214)}件，比2015年的167件增长28.1%。其中网络申请{N("apps_channel.online", 121)}件，当面申请{N("apps_channel.in_person", 58)}件，信函申请{N("apps_channel.mail", 35)}件。

四、复议诉讼及举报情况
因政府信息公开引起行政复议{N("review.total", 9)}件、行政诉讼{N("litigation.total", 5)}件。

五、存在问题和改进措施
一是部分县区重点领域信息公开不够全面；二是政策解读质量有待提升。2017年将开展专项督查。

附件：洛阳市2016年政府信息公开情况统计表（市政府本级）

{national_lines(national_cells(vals))}
"""
