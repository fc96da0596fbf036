from lib import N

META = {
    "source": "http://www.wz.gov.cn/zwgk_266/zfxxgkndbg/201203/t20120329_1736258.html",
    "agency": "重庆市万州区人民政府",
    "year": 2011, "period": "year", "form": "legacy", "published": "2012-03-29",
}

rows = [
    ("指标名称", "计量单位", "数量"),
    ("一、主动公开政府信息数", "条", N("proactive.total", 9817)),
    ("其中：1.通过政府网站公开数", "条", N("proactive.website", 8645)),
    ("2.通过政府公报公开数", "条", N("proactive.gazette", 96)),
    ("3.通过其他方式公开数", "条", N("proactive.other_channels", 1076)),
    ("二、依申请公开政府信息数", "", ""),
    ("（一）受理申请数", "件", N("apps_new.total", 97)),
    ("1.当面申请", "件", N("apps_channel.in_person", 40)),
    ("2.网上申请", "件", N("apps_channel.online", 44)),
    ("3.信函申请", "件", N("apps_channel.mail", 11)),
    ("4.传真申请", "件", N("apps_channel.fax", 2)),
    ("（二）答复申请数", "件", N("outcome_total.total", 95)),
    ("1.同意公开", "件", N("granted.total", 58)),
    ("2.部分公开", "件", N("partial.total", 6)),
    ("3.不予公开", "件", N("denied.total", 5)),
    ("4.非本机关掌握", "件", N("reply.not_this_agency", 14)),
    ("5.信息不存在", "件", N("reply.not_exist", 9)),
    ("6.申请内容不明确", "件", "3"),
    ("（三）咨询数", "人次", "1652"),
    ("三、行政复议数", "件", N("review.total", 2)),
    ("四、行政诉讼数", "件", N("litigation.total", 1)),
    ("五、申诉（举报）数", "件", N("complaints.total", 0)),
    ("六、依申请公开收费", "元", N("fees.collected", 0)),
    ("七、政府信息公开工作人员", "", ""),
    ("专职人员", "人", N("staff.fulltime", 3)),
    ("兼职人员", "人", N("staff.parttime", 61)),
]
table = "\n".join(c for r in rows for c in r)

SRC = f"""重庆市万州区人民政府2011年政府信息公开工作年度报告

根据《中华人民共和国政府信息公开条例》和《重庆市政府信息公开规定》，万州区人民政府办公室编制了本报告。本报告所列数据的统计期限自2011年1月1日起至2011年12月31日止。

一、概述
2011年，区政府认真落实市政府关于深化政府信息公开工作的要求，以“三峡库区经济中心”建设为中心，着力推进财政预算、征地拆迁、保障性住房等重点领域信息公开。区政府办公室为全区政府信息公开工作主管部门，全区52个乡镇（街道）和区级部门均明确了工作机构。

二、主动公开政府信息情况
全年区政府主动公开政府信息{N("proactive.total", 9817)}条，其中通过“万州网”政府信息公开专栏公开{N("proactive.website", 8645)}条，《万州区人民政府公报》刊登{N("proactive.gazette", 96)}条，其余通过区行政服务中心电子屏、公开栏等方式公开。全区各乡镇（街道）和部门合计主动公开信息4.3万条。

三、依申请公开政府信息情况
全年共受理申请{N("apps_new.total", 97)}件，答复{N("outcome_total.total", 95)}件，另有{N("apps_carried_forward.total", 2)}件在法定期限内正在办理。接待现场和电话咨询1652人次。区长公开电话受理群众诉求5213件，不计入依申请公开。

四、收费及减免、复议诉讼情况
全年{N("fees.collected", 0, "未收取")}费用。因政府信息公开被申请行政复议{N("review.total", 2)}件、提起行政诉讼{N("litigation.total", 1)}件，均{N("review.upheld", 2, "")}{N("litigation.upheld", 1, "")}维持原答复。

五、存在的主要问题和改进措施
一是部分部门信息更新不及时；二是依申请公开答复的规范性有待提高。2012年将开展政府信息公开专项检查。

附表：
重庆市政府信息公开情况统计表（2011年度）
填报单位：万州区人民政府办公室
{table}
"""
