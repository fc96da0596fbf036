from lib import N, national_cells

META = {
    "source": "http://www.lunan.gov.cn/zwgk/xxgknb/201803/t20180329_1963751.html",
    "agency": "唐山市路南区人民政府",
    "year": 2017, "period": "year", "form": "legacy", "published": "2018-03-29",
}

vals = {
    "proactive.total": 4376, "legacy.normative_disclosed": 8, "legacy.normative_issued": 9,
    "proactive.gazette": 0, "proactive.website": 3512, "proactive.weibo": 613, "proactive.wechat": 1287,
    "proactive.other_channels": 145,
    "response.hot_topics": 16, "response.press_conferences": 7, "x.chief_press": 3,
    "response.online_interviews": 5, "x.chief_interviews": 2, "proactive.interpretations": 24,
    "response.weibo_wechat": 38, "x.other_response": 6,
    "apps_new.total": 57, "apps_channel.in_person": 18, "apps_channel.fax": 0, "apps_channel.online": 25,
    "apps_channel.mail": 14, "apps_closed.total": 55, "apps_closed.on_time": 55, "apps_closed.extended": 0,
    "outcome_total.total": 55, "reply.already_public": 6, "granted.total": 19, "partial.total": 4,
    "denied.total": 5, "denied_state_secret.total": 0, "denied_commercial_secret.total": 1,
    "denied_privacy.total": 2, "denied_safety.total": 0, "denied_not_gov_info.total": 2, "denied_law.total": 0,
    "reply.not_this_agency": 9, "reply.not_exist": 10, "reply.ask_amend": 1, "reply.other_channel": 1,
    "review.total": 3, "review.upheld": 2, "review.corrected": 0, "review.other": 1,
    "litigation.total": 2, "litigation.upheld": 1, "litigation.corrected": 1, "litigation.other": 0,
    "complaints.total": 0, "fees.collected": 0,
    "staff.units": 1, "staff.reading_points": 14, "staff.total": 31, "staff.fulltime": 3, "staff.parttime": 28,
    "budget.special": 8, "meetings.total": 3, "trainings.total": 2, "trainees.total": 146,
}
cells = national_cells(vals)

# pasted from Word: the header spans three lines and the rows are tab separated
head = "统计指标\t单位\t统计数\n\t\t（本年度）\n\t\t"
body = "\n".join("\t".join(c) for c in cells)

SRC = f"""路南区2017年政府信息公开工作年度报告
发布日期：2018-03-29　　来源：区政府办公室

根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《河北省政府信息公开办法》要求，现公布唐山市路南区人民政府2017年政府信息公开工作年度报告。本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、回应解读情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼情况、存在的主要问题和改进措施及附表组成。本报告所列数据统计期限自2017年1月1日起至2017年12月31日止。

一、概述

2017年，路南区认真贯彻落实党中央、国务院关于全面推进政务公开的部署，按照省、市工作要求，围绕棚户区改造、大气污染治理、民生实事等重点工作推进“五公开”，全区政府信息公开工作取得新成效。

二、主动公开政府信息情况

2017年，区政府共主动公开政府信息{N("proactive.total", 4376)}条，其中主动公开规范性文件{N("legacy.normative_disclosed", 8)}条。区政府网站公开{N("proactive.website", 3512)}条，“路南发布”政务微博、微信分别公开{N("proactive.weibo", 613)}条、{N("proactive.wechat", 1287)}条，通过政务公开栏等其他方式公开{N("proactive.other_channels", 145)}条。

三、回应解读情况

全年回应公众关注热点{N("response.hot_topics", 16)}次，召开新闻发布会{N("response.press_conferences", 7)}次，开展政府网站在线访谈{N("response.online_interviews", 5)}次，发布政策解读稿件{N("proactive.interpretations", 24)}篇。

四、依申请公开政府信息情况

2017年，区政府共收到政府信息公开申请{N("apps_new.total", 57)}件，办结{N("apps_closed.total", 55)}件，均为按时办结，另有{N("apps_carried_forward.total", 2)}件结转2018年办理。

五、政府信息公开的收费及减免情况

2017年，区政府{N("fees.collected", 0, "未收取")}政府信息公开相关费用。

六、因政府信息公开申请行政复议、提起行政诉讼情况

2017年，因政府信息公开申请行政复议{N("review.total", 3)}件、提起行政诉讼{N("litigation.total", 2)}件。

七、存在的主要问题和改进措施

一是回应关切的及时性有待提高；二是基层政务公开标准化建设推进不够快。2018年，路南区将健全舆情回应机制，推进基层政务公开标准化规范化试点。

附表：政府信息公开情况统计表
{head}
{body}
"""
