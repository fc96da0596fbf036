from lib import N, Apps, Art21, Review, apps_pipe, art_pipe, review_pipe

META = {
    "source": "https://www.anji.gov.cn/art/2026/1/22/art_1229211498_3921877.html",
    "agency": "安吉县自然资源和规划局",
    "year": 2025, "period": "year", "form": "table2021", "published": "2026-01-22",
}

art = Art21(rules=(0, 0, 0), normative=(1, 0, 3), licensing=1184, penalty=42, enforcement=3, fees=215.36)
apps = Apps("table2021", {
    "apps_new": [29, 6, 0, 0, 1, 1],
    "apps_carried_over": [2, 0, 0, 0, 0, 0],
    "granted": [9, 3, 0, 0, 1, 0],
    "partial": [4, 0, 0, 0, 0, 0],
    "denied_process": [1, 0, 0, 0, 0, 0],
    "unavailable_not_held": [10, 2, 0, 0, 0, 1],
    "unavailable_need_create": [1, 0, 0, 0, 0, 0],
    "unprocessed_petition": [2, 0, 0, 0, 0, 0],
    "other_misc": [1, 0, 0, 0, 0, 0],
    "apps_carried_forward": [3, 1, 0, 0, 0, 0],
})
rev = Review(review=(1, 0, 0, 1), direct=(0, 0, 0, 1))

SRC = f"""安吉县自然资源和规划局2025年政府信息公开工作年度报告
浙江政务服务网 > 安吉县 > 部门信息公开 > 县自然资源和规划局 > 年度报告

按照《中华人民共和国政府信息公开条例》要求，编制本报告。本报告统计期限为2025年1月1日至2025年12月31日，电子版可在安吉县人民政府门户网站下载。

一、总体情况
2025年，我局围绕“两山”理念转化和全域国土空间综合整治，推进自然资源领域基层政务公开标准化。全年主动公开政府信息{N("proactive.total", 1300, "1300余", approx=True)}条，其中国有建设用地使用权出让公告和结果126条、征地信息公示93条、规划许可批前公示218条。“安吉自然资源”微信公众号粉丝达2.6万人，全年推送{N("proactive.wechat", 340, "近340", approx=True)}条。
全年新收政府信息公开申请{N("apps_new.total", 37)}件，比2024年的44件减少7件；办结{N("outcome_total.total", 35)}件。不动产登记中心全年办理登记业务9.7万件，县长热线转办我局诉求1800余件。

二、主动公开政府信息情况
{art_pipe(art)}

三、收到和处理政府信息公开申请情况
{apps_pipe(apps, pad=True)}

四、政府信息公开行政复议、行政诉讼情况
{review_pipe(rev)}

五、存在的主要问题及改进情况
一是部分规划公示的解读不够通俗；二是乡镇自然资源所公开专栏建设进度不一。2026年将推出“规划一张图”公开查询服务。

六、其他需要报告的事项
本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""
