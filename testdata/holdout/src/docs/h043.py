from lib import N, national_cells, national_html, to_trad

META = {
    "source": "https://www.jendow.com.tw/wiki/2015%E5%B9%B4%E9%A0%86%E5%BE%B7%E5%8D%80%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E9%96%8B%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E5%A0%B1%E5%91%8A",
    "agency": "佛山市顺德区人民政府",
    "year": 2015, "period": "year", "form": "legacy",
}

vals = {
    "proactive.total": 18426, "legacy.normative_disclosed": 37, "legacy.normative_issued": 41,
    "proactive.gazette": 212, "proactive.website": 15318, "proactive.weibo": 2140, "proactive.wechat": 756,
    "proactive.other_channels": 0,
    "apps_new.total": 286, "apps_channel.in_person": 52, "apps_channel.fax": 3, "apps_channel.online": 187,
    "apps_channel.mail": 44, "apps_closed.total": 279, "apps_closed.on_time": 271, "apps_closed.extended": 8,
    "outcome_total.total": 279, "reply.already_public": 31, "granted.total": 118, "partial.total": 22,
    "denied.total": 19, "denied_state_secret.total": 1, "denied_commercial_secret.total": 3,
    "denied_privacy.total": 6, "denied_safety.total": 0, "denied_not_gov_info.total": 7, "denied_law.total": 2,
    "reply.not_this_agency": 37, "reply.not_exist": 41, "reply.ask_amend": 6, "reply.other_channel": 5,
    "review.total": 7, "review.upheld": 5, "review.corrected": 1, "review.other": 1,
    "litigation.total": 3, "litigation.upheld": 2, "litigation.corrected": 0, "litigation.other": 1,
    "complaints.total": 2, "fees.collected": 0.0312,
    "staff.units": 1, "staff.reading_points": 11, "staff.total": 48, "staff.fulltime": 9, "staff.parttime": 39,
    "budget.special": 26.5, "meetings.total": 4, "trainings.total": 6, "trainees.total": 530,
}
table = national_html(national_cells(vals, with_response=False), head=("统计指标", "单位", "统计数"))

SRC = f"""2015年顺德区政府信息公开工作年度报告
2015年顺德区政府信息公开工作年度报告是佛山市顺德区人民政府于2016年3月发布的报告。
目录
1 报告全文
2 附表
报告全文
本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《广东省政府信息公开规定》要求，由顺德区人民政府办公室编制。全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼情况、存在的主要问题和改进措施及附表。本报告所列数据统计期限自2015年1月1日起至2015年12月31日止。
一、概述
2015年，顺德区以深化综合改革试点为契机，推进行政权力清单、财政资金、公共资源配置、重大建设项目等重点领域信息公开，政府信息公开工作在全省县（市、区）政府信息公开评估中名列前茅。
二、主动公开政府信息情况
2015年，区政府主动公开政府信息{N("proactive.total", 18426)}条，其中主动公开规范性文件{N("legacy.normative_disclosed", 37)}条。通过区政府网站公开{N("proactive.website", 15318)}条，通过《顺德政报》公开{N("proactive.gazette", 212)}条，通过“顺德发布”政务微博、政务微信分别公开{N("proactive.weibo", 2140)}条和{N("proactive.wechat", 756)}条。
三、依申请公开政府信息情况
2015年，区政府共收到政府信息公开申请{N("apps_new.total", 286)}件，其中网络申请{N("apps_channel.online", 187)}件，占65.4%。办结{N("apps_closed.total", 279)}件，其中按时办结{N("apps_closed.on_time", 271)}件，延期办结{N("apps_closed.extended", 8)}件。
四、政府信息公开的收费及减免情况
2015年，区政府按规定收取检索、复制、邮寄等费用共计{N("fees.collected", 0.0312, "312")}元。
五、因政府信息公开申请行政复议、提起行政诉讼情况
2015年，因政府信息公开申请行政复议{N("review.total", 7)}件，提起行政诉讼{N("litigation.total", 3)}件，具体情况见附表。
六、存在的主要问题和改进措施
一是部分镇（街道）和部门信息公开的主动性不强；二是依申请公开答复的规范性仍需提高。2016年，我区将加强督查考核，规范答复程序，推进政务公开向基层延伸。
附表
政府信息公开情况统计表
（2015年度）
填报单位：佛山市顺德区人民政府办公室
{table}
"""


def POST(text):
    return to_trad(text)
