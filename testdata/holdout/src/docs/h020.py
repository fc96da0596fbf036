from lib import N, Apps, Art21, Review, apps_html, art_html, review_html, js_string

META = {
    "source": "http://www.jianghan.gov.cn/zwgk_29/bmxxgk/qtyjrswj/xxgknb/202201/t20220125_1906734.js",
    "agency": "武汉市江汉区退役军人事务局",
    "year": 2021, "period": "year", "form": "table2021", "published": "2022-01-25",
}

art = Art21(rules=(0, 0, 0), normative=(1, 0, 3), licensing=0, penalty=0, enforcement=0, fees=0,
            slash=("rules.issued", "rules.repealed", "rules.in_force", "fees.amount"))
apps = Apps("table2021", {
    "apps_new": [3, 0, 0, 0, 0, 0],
    "granted": [1, 0, 0, 0, 0, 0],
    "unavailable_not_held": [1, 0, 0, 0, 0, 0],
    "other_misc": [1, 0, 0, 0, 0, 0],
}, zero="", tzero="0")
rev = Review()

P = lambda s: f'<p style="text-indent:2em;"><span style="font-family:仿宋_GB2312;font-size:16px;">{s}</span></p>'

body = "".join([
    '<p style="text-align:center;"><strong>武汉市江汉区退役军人事务局2021年政府信息公开工作年度报告</strong></p>',
    P("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。本报告电子版可在江汉区人民政府门户网站下载。如对本报告有疑问，请与江汉区退役军人事务局办公室联系（电话：027-85770936）。"),
    P("<strong>一、总体情况</strong>"),
    P("2021年，区退役军人事务局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》，围绕退役军人安置、优待抚恤、就业创业、权益维护等职能，全面推进政务公开工作。"),
    P(f"（一）主动公开。全年通过江汉区人民政府门户网站公开信息{N('proactive.website', 132)}条，“江汉退役军人”微信公众号发布信息{N('proactive.wechat', 408)}条，重点公开了退役士兵安置计划、优抚对象抚恤补助标准、光荣牌悬挂、“最美退役军人”评选等内容。&nbsp;全年为辖区退役军人和其他优抚对象发放各类优抚资金4100余万元，受理来信来访312件次。"),
    P(f"（二）依申请公开。全年共收到政府信息公开申请{N('apps_new.total', 3)}件，均为自然人申请，已全部按期答复。"),
    P("（三）政府信息管理。严格落实信息发布审核制度，对涉及退役军人个人信息的内容做好脱敏处理。"),
    P("（四）平台建设。完善门户网站部门专栏设置，新增“政策解读”“办事指南”栏目。"),
    P("（五）监督保障。将政务公开工作纳入局机关年度目标考核。"),
    P("<strong>二、主动公开政府信息情况</strong>"),
    art_html(art),
    P("<strong>三、收到和处理政府信息公开申请情况</strong>"),
    apps_html(apps),
    P("<strong>四、政府信息公开行政复议、行政诉讼情况</strong>"),
    review_html(rev),
    P("<strong>五、存在的主要问题及改进情况</strong>"),
    P("一是政策解读的形式还比较单一；二是政务公开工作人员为兼职，业务水平有待提高。2022年，我局将加强业务培训，丰富解读形式，进一步提升政务公开工作质量。"),
    P("<strong>六、其他需要报告的事项</strong>"),
    P(f"本年度{N('fees.info_processing', 0, '未收取')}信息处理费。"),
])

SRC = """//栏目数据
var columnList = [{"id":"2071","name":"政府信息公开指南"},{"id":"2072","name":"政府信息公开制度"},{"id":"2073","name":"法定主动公开内容"},{"id":"2074","name":"政府信息公开年报"}];
var pubDate = "2022-01-25";
var source = "江汉区退役军人事务局";
""" + js_string(body, "articleContent") + """
document.getElementById("zoom").innerHTML = articleContent;
"""
