from lib import N, Apps, Art21, Review, apps_tab, art_tab, review_tab, to_trad

META = {
    "source": "https://www.tw-mirror.net/zh-tw/jinjiang/xxgk/2025/0115/ndbg2024.html",
    "agency": "晋江市人民政府",
    "year": 2024, "period": "year", "form": "table2021", "published": "2025-01-15",
}

art = Art21(rules=(0, 0, 0), normative=(5, 3, 41), licensing=12456, penalty=3318, enforcement=207, fees=1362.8)
apps = Apps("table2021", {
    "apps_new": [203, 34, 1, 0, 4, 2],
    "apps_carried_over": [12, 3, 0, 0, 0, 0],
    "granted": [64, 11, 1, 0, 1, 1],
    "partial": [22, 4, 0, 0, 1, 0],
    "denied_law": [1, 0, 0, 0, 0, 0],
    "denied_third_party": [3, 1, 0, 0, 0, 0],
    "denied_process": [6, 0, 0, 0, 0, 0],
    "denied_inquiry": [2, 0, 0, 0, 0, 0],
    "unavailable_not_held": [71, 13, 0, 0, 1, 1],
    "unavailable_unclear": [5, 1, 0, 0, 0, 0],
    "unprocessed_petition": [8, 1, 0, 0, 0, 0],
    "unprocessed_mass": [9, 0, 0, 0, 0, 0],
    "other_no_correction": [4, 1, 0, 0, 0, 0],
    "apps_carried_forward": [20, 5, 0, 0, 1, 0],
})
rev = Review(review=(6, 2, 1, 0), direct=(3, 1, 0, 2), after=(1, 0, 0, 1))

SRC = f"""晋江市人民政府2024年政府信息公开工作年度报告
发布时间：2025-01-15 信息来源：晋江市人民政府办公室

本报告根据《中华人民共和国政府信息公开条例》要求编制，统计期限为2024年1月1日至2024年12月31日。如对本报告有疑问，请与晋江市政务公开办公室联系。

一、总体情况
2024年，市政府围绕民营经济高质量发展和“晋江经验”深化实践，推进政务公开标准化规范化。市政府门户网站全年发布信息{N("proactive.website", 9342)}条，“晋江发布”政务微信发布{N("proactive.wechat", 2786)}条，开展政策解读{N("proactive.interpretations", 156)}篇。全市19个镇（街道）共发布信息1.1万条。
市政府全年新收政府信息公开申请{N("apps_new.total", 244)}件，较2023年的198件有所增加；上年结转{N("apps_carried_over.total", 15)}件。

二、主动公开政府信息情况
{art_tab(art)}

三、收到和处理政府信息公开申请情况
{apps_tab(apps)}

四、政府信息公开行政复议、行政诉讼情况
{review_tab(rev)}

五、存在的主要问题及改进情况
部分镇（街道）政务公开专区内容更新不够及时。2025年将建立月度巡查通报机制。

六、其他需要报告的事项
本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""

def POST(text):
    return to_trad(text)
