from lib import N, national_cells, national_lines

META = {
    "source": "http://www.shouguang.gov.cn/zwgk/tjj/xxgknb/201502/t20150210_1204415.htm",
    "agency": "寿光市统计局",
    "year": 2014, "period": "year", "form": "legacy", "published": "2015-02-10",
}

vals = {
    "proactive.total": 186, "legacy.normative_disclosed": 0, "legacy.normative_issued": 0,
    "proactive.gazette": 0, "proactive.website": 152, "proactive.weibo": 0, "proactive.wechat": 34,
    "proactive.other_channels": 0,
    "staff.units": 1, "staff.reading_points": 1, "staff.total": 3, "staff.fulltime": 1, "staff.parttime": 2,
    "budget.special": 0.5, "meetings.total": 2, "trainings.total": 1, "trainees.total": 12,
}
table = national_lines(national_cells(vals, with_response=False), head=("统计指标", "单位", "统计数"))

SRC = f"""寿光市统计局2014年政府信息公开工作年度报告
发布时间：2015-02-10　　来源：寿光市统计局

根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《山东省政府信息公开办法》要求，寿光市统计局编制了2014年度政府信息公开工作年度报告。全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼情况、政府信息公开工作存在的主要问题及改进措施，并附《政府信息公开情况统计表》。本报告中所列数据的统计期限自2014年1月1日起至2014年12月31日止。本报告的电子版可在“中国寿光”门户网站下载。

一、概述

2014年，我局按照市委、市政府和潍坊市统计局的统一部署，认真贯彻落实《条例》，紧紧围绕统计中心工作，进一步规范统计信息发布程序，及时准确地向社会公开统计数据和统计工作信息，充分发挥统计信息服务社会的作用。局办公室为政府信息公开工作的具体负责科室，配备专职工作人员1名、兼职工作人员2名。

二、主动公开政府信息情况

2014年，我局共主动公开政府信息{N("proactive.total", 186)}条，其中通过“中国寿光”门户网站统计局栏目公开{N("proactive.website", 152)}条，通过“寿光统计”微信公众号公开{N("proactive.wechat", 34)}条。公开内容主要包括：月度、季度和年度主要统计数据，统计公报，统计分析，统计法律法规，统计执法检查结果和统计工作动态等。全年发布《寿光统计月报》12期，编印《2014寿光统计年鉴》1部。

三、依申请公开政府信息情况

2014年，我局{N("apps_new.total", 0, "未收到")}政府信息公开申请。

四、政府信息公开的收费及减免情况

2014年，我局{N("fees.collected", 0, "未收取")}任何费用，无减免情况。

五、因政府信息公开申请行政复议和提起行政诉讼情况

2014年，我局{N(["review.total", "litigation.total"], 0, "未发生")}因政府信息公开申请行政复议和提起行政诉讼的情况。

六、政府信息公开工作存在的主要问题及改进措施

一是统计信息解读不够深入，图表化、通俗化解读较少；二是微信公众号信息发布频次偏低。2015年，我局将进一步加强统计数据解读，丰富公开形式，提高统计信息公开的时效性和可读性。

附表：

政府信息公开情况统计表
（2014年度）
填报单位（盖章）：寿光市统计局
{table}
单位负责人：　　　审核人：　　　填报人：　　　联系电话：0536-5221837　　　填报日期：2015年1月20日
"""
