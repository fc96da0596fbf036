from lib import N, Apps, Art21, Review, apps_glued, art_tab, review_tab

META = {
    "source": "http://www.shanxi.gov.cn/zfxxgk/zfxxgkzl/zfxxgknb/202203/t20220330_5612347.shtml",
    "agency": "山西省人民政府",
    "year": 2021, "period": "year", "form": "table2021", "published": "2022-03-30",
}

art = Art21(rules=(6, 4, 142), normative=(19, 11, 236), licensing=0, penalty=0, enforcement=0, fees=0)
apps = Apps("table2021", {
    "apps_new": [1342, 127, 3, 2, 41, 18],
    "apps_carried_over": [58, 6, 0, 0, 1, 0],
    "granted": [296, 31, 1, 0, 9, 5],
    "partial": [84, 12, 0, 0, 4, 1],
    "denied_state_secret": [4, 0, 0, 0, 0, 0],
    "denied_law": [7, 1, 0, 0, 0, 0],
    "denied_safety": [2, 0, 0, 0, 0, 0],
    "denied_third_party": [13, 3, 0, 0, 1, 0],
    "denied_internal": [21, 2, 0, 0, 0, 1],
    "denied_process": [38, 4, 0, 0, 2, 0],
    "denied_enforcement": [5, 0, 0, 0, 0, 0],
    "denied_inquiry": [17, 1, 0, 0, 0, 0],
    "unavailable_not_held": [512, 43, 1, 1, 14, 7],
    "unavailable_need_create": [46, 5, 0, 0, 2, 0],
    "unavailable_unclear": [23, 2, 0, 0, 1, 1],
    "unprocessed_petition": [87, 6, 0, 0, 2, 1],
    "unprocessed_repeat": [61, 4, 0, 0, 1, 0],
    "unprocessed_publication": [9, 0, 0, 0, 0, 0],
    "unprocessed_mass": [33, 0, 0, 0, 0, 0],
    "unprocessed_confirm": [6, 1, 0, 0, 0, 0],
    "other_no_correction": [41, 3, 0, 0, 1, 1],
    "other_no_fee": [1, 0, 0, 0, 0, 0],
    "other_misc": [26, 2, 1, 0, 2, 0],
    "apps_carried_forward": [68, 13, 0, 1, 3, 1],
})
rev = Review(review=(47, 9, 6, 12), direct=(21, 3, 4, 19), after=(11, 2, 1, 8))

SRC = f"""山西省人民政府2021年政府信息公开工作年度报告

本报告由山西省人民政府办公厅根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限为2021年1月1日至12月31日，数据为省政府（含省政府办公厅）情况。

一、总体情况
2021年，省政府坚持把政务公开作为推动资源型经济转型、应对秋汛灾害和疫情防控的重要手段。省政府门户网站全年发布信息{N("proactive.website", 21873)}条，“山西发布”政务新媒体发布{N("proactive.new_media", 9624)}条，召开新闻发布会{N("response.press_conferences", 86)}场。全省11个设区市、117个县（市、区）政府共发布信息147万余条。
省政府本级新收政府信息公开申请{N("apps_new.total", 1533)}件，较2020年的1278件增长20%；因政府信息公开被申请行政复议{N("review.total", 74)}件。全省行政复议机关全年办理复议案件1.1万件，省法律援助机构办理援助案件4.6万件。

二、主动公开政府信息情况
{art_tab(art)}

三、收到和处理政府信息公开申请情况
{apps_glued(apps, glue_rows={"apps_new", "apps_carried_over", "granted", "partial", "unavailable_not_held", "outcome_total", "apps_carried_forward"})}

四、政府信息公开行政复议、行政诉讼情况
{review_tab(rev)}

五、存在的主要问题及改进情况
2020年度报告指出的政策解读质量不高问题已通过建立解读评估机制得到改进。当前，基层政务公开标准目录动态调整不够及时，依申请公开答复说理性有待加强。

六、其他需要报告的事项
本年度省政府{N("fees.info_processing", 0, "未收取")}信息处理费。
"""
