from lib import N, national_cells, national_pipe

META = {
    "source": "http://edu.gd.gov.cn/zwgknew/gknb/content/post_1683452.html",
    "agency": "广东省教育厅",
    "year": 2017, "period": "year", "form": "legacy", "published": "2018-03-15",
}

vals = {
    "proactive.total": 3871, "legacy.normative_disclosed": 14, "legacy.normative_issued": 14,
    "proactive.website": 3052, "proactive.weibo": 412, "proactive.wechat": 407,
    "response.hot_topics": 18, "response.press_conferences": 11, "x.chief_press": 3,
    "response.online_interviews": 2, "x.chief_interviews": 2, "proactive.interpretations": 29,
    "response.weibo_wechat": 46,
    "apps_new.total": 187, "apps_channel.in_person": 9, "apps_channel.online": 143, "apps_channel.mail": 35,
    "apps_closed.total": 187, "apps_closed.on_time": 187,
    "outcome_total.total": 187, "reply.already_public": 52, "granted.total": 61, "partial.total": 8,
    "denied.total": 4, "denied_privacy.total": 3, "denied_not_gov_info.total": 1,
    "reply.not_this_agency": 27, "reply.not_exist": 31, "reply.ask_amend": 4,
    "review.total": 6, "review.upheld": 5, "review.other": 1,
    "litigation.total": 2, "litigation.upheld": 2,
    "staff.units": 1, "staff.reading_points": 1, "staff.total": 5, "staff.fulltime": 2, "staff.parttime": 3,
    "meetings.total": 2, "trainings.total": 1, "trainees.total": 130,
}

SRC = f"""广东省教育厅2017年政府信息公开工作年度报告
发布日期：2018-03-15 来源：广东省教育厅 字号：大 中 小 分享到：

本报告根据《中华人民共和国政府信息公开条例》和《广东省政府信息公开规定》要求，由广东省教育厅编制。全文包括总体情况、主动公开、依申请公开、复议诉讼、存在问题及改进措施等内容。本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。

一、总体情况
2017年，省教育厅围绕教育“创强争先建高地”目标，重点公开高考招生、义务教育招生入学、教育经费使用和民办学校审批等信息。全年主动公开政府信息{N("proactive.total", 3871)}条，其中厅门户网站{N("proactive.website", 3052)}条。全省21个地级以上市教育局公开招生信息2.3万条。

二、依申请公开情况
全年收到申请{N("apps_new.total", 187)}件，网络申请占76.5%，主要涉及高校招生录取、教师资格认定和学历认证。厅机关全年受理教育信访事项1436件，省教育考试院答复考生咨询4.1万人次，均不属于政府信息公开申请。

三、复议诉讼情况
因政府信息公开被申请行政复议{N("review.total", 6)}件，被提起行政诉讼{N("litigation.total", 2)}件。

四、存在的主要问题及改进措施
政策解读的及时性和互动性仍有不足。2018年将推出“教育政策一图读懂”栏目。

附件：广东省教育厅2017年政府信息公开情况统计表

{national_pipe(national_cells(vals, zero="/"), md=True)}
"""
