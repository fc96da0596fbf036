from lib import N, Apps, Art21, Review, apps_lines, art_lines, cut_before

META = {
    "source": "http://www.yndali.gov.cn/dlszf/c102421/202201/9d3c6f1a2b0e4c7e.shtml",
    "agency": "大理市喜洲镇人民政府",
    "year": 2021, "period": "year", "form": "table2021", "published": "2022-01-25",
}

art = Art21(rules=(0, 0, 0), normative=(0, 0, 0), licensing=46, penalty=5, enforcement=0, fees=0,
            blank=("rules.issued", "rules.repealed", "rules.in_force"))
apps = Apps("table2021", {
    "apps_new": [3, 1, 0, 0, 0, 0],
    "granted": [2, 1, 0, 0, 0, 0],
    "unavailable_not_held": [1, 0, 0, 0, 0, 0],
}, zero="", tzero="0")

body = f"""大理市喜洲镇人民政府2021年政府信息公开工作年度报告

根据《中华人民共和国政府信息公开条例》和大理市政务公开工作要点，喜洲镇人民政府编制本报告，统计时间为2021年1月1日至12月31日。

一、总体情况
2021年，喜洲镇以洱海保护治理和乡村振兴为重点，扎实推进基层政务公开。全年通过大理市人民政府门户网站喜洲镇专栏主动公开信息{N("proactive.website", 93)}条，在13个村委会政务公开栏张贴公示材料460余份。洱海流域“三线”划定、农村人居环境整治、村集体经济项目等信息均按要求公开。
全年收到政府信息公开申请{N("apps_new.total", 4)}件，均已按期办结。镇便民服务中心全年办理各类服务事项2317件次。

二、主动公开政府信息情况
{art_lines(art, sep_line="")}

三、收到和处理政府信息公开申请情况
{apps_lines(apps, sep_line="")}
"""
SRC = cut_before(body, "3.补正后申请内容仍不明确")
