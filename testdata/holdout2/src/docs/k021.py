from lib import N, national_cells, national_lines, cut_before

META = {
    "source": "http://www.fucheng.gov.cn/zwgk/zfxxgknb/201503/t20150320_108763.html",
    "agency": "绵阳市涪城区人民政府",
    "year": 2014, "period": "year", "form": "legacy", "published": "2015-03-20",
}

vals = {
    "proactive.total": 4318, "legacy.normative_disclosed": 6, "legacy.normative_issued": 6,
    "proactive.gazette": 0, "proactive.website": 3407, "proactive.weibo": 521, "proactive.wechat": 0,
    "proactive.other_channels": 390,
    "apps_new.total": 46, "apps_channel.in_person": 19, "apps_channel.fax": 0, "apps_channel.online": 20,
    "apps_channel.mail": 7, "apps_closed.total": 46, "apps_closed.on_time": 46, "apps_closed.extended": 0,
    "outcome_total.total": 46, "reply.already_public": 8, "granted.total": 17, "partial.total": 2,
    "denied.total": 1, "denied_privacy.total": 1,
    "reply.not_this_agency": 9, "reply.not_exist": 7, "reply.ask_amend": 2, "reply.other_channel": 0,
    "review.total": 1, "review.upheld": 1,
}

body = f"""绵阳市涪城区人民政府2014年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅关于印发2014年政府信息公开工作要点的通知》要求编制，统计期限为2014年1月1日至12月31日。

一、概述
2014年，区政府紧紧围绕“科技城核心区”建设，以行政权力公开透明运行为重点，推进政府信息公开。区政府办公室为全区政府信息公开工作主管部门，区政务服务中心设立政府信息公开查阅室。

二、主动公开情况
全年区政府主动公开政府信息{N("proactive.total", 4318)}条，其中涪城区政府网站{N("proactive.website", 3407)}条，“涪城发布”政务微博{N("proactive.weibo", 521)}条。截至2014年底，区政府网站累计公开信息2.1万条。

三、依申请公开情况
全年收到申请{N("apps_new.total", 46)}件，办结{N("apps_closed.total", 46)}件。区政府各部门和乡镇（街道）共收到申请318件。

附件：2014年政府信息公开情况统计表

{national_lines(national_cells(vals, with_response=False), sep_line="")}
"""
SRC = cut_before(body, "四、行政诉讼数量")
