from lib import N, Apps, Art19, Review, apps_lines, art_lines, review_lines

META = {
    "source": "http://www.zge.gov.cn/zwgk/zfxxgknb/202101/t20210129_2832214.html",
    "agency": "准格尔旗人民政府",
    "year": 2020, "period": "year", "form": "table2019", "published": "2021-01-29",
}

art = Art19(rules=(0, 0, 0), normative=(4, 4, 27), licensing=(318, 12, 5624), other_services=(96, -8, 1311),
            penalty=(442, 0, 876), enforcement=(58, 0, 112), fees=(17, -2), procurement=(87, 12847.6))
apps = Apps("table2019", {
    "apps_new": [64, 15, 0, 0, 2, 3],
    "apps_carried_over": [3, 1, 0, 0, 0, 0],
    "granted": [18, 4, 0, 0, 1, 1],
    "partial": [7, 2, 0, 0, 0, 0],
    "denied_third_party": [2, 0, 0, 0, 0, 0],
    "denied_process": [1, 1, 0, 0, 0, 0],
    "unavailable_not_held": [27, 6, 0, 0, 1, 1],
    "unavailable_need_create": [2, 0, 0, 0, 0, 0],
    "unprocessed_repeat": [4, 1, 0, 0, 0, 0],
    "other": [2, 0, 0, 0, 0, 1],
    "apps_carried_forward": [4, 2, 0, 0, 0, 0],
})
rev = Review(review=(3, 1, 0, 0), direct=(2, 0, 0, 1), after=(0, 0, 1, 0))

SRC = f"""准格尔旗人民政府2020年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》第五十条规定，由准格尔旗人民政府办公室编制，统计期限为2020年1月1日至2020年12月31日。

一、总体情况
2020年，旗政府紧扣煤炭产业转型升级和疫情防控，持续加大政务公开力度。全年通过准格尔旗人民政府门户网站主动公开信息{N("proactive.website", 5127)}条，通过“准格尔发布”政务新媒体发布{N("proactive.new_media", 2364)}条，较2019年的1892条增长24.9%。
依申请公开方面，旗政府本级新收申请{N("apps_new.total", 84)}件（2019年为61件），办结{N("outcome_total.total", 82)}件。全旗各苏木乡镇、街道及旗直部门共收到申请213件。
复议诉讼方面，旗政府因政府信息公开被申请行政复议{N("review.total", 4)}件，其中维持{N("review.upheld", 3)}件、纠正{N("review.corrected", 1)}件；上年度复议案件为2件。

二、主动公开政府信息情况
{art_lines(art, trail=" ")}

三、收到和处理政府信息公开申请情况
{apps_lines(apps, trail=" ")}

四、政府信息公开行政复议、行政诉讼情况
{review_lines(rev, trail=" ")}

五、存在的主要问题及改进情况
一是基层公开专区作用发挥不充分；二是政策解读形式较单一。2021年将推行“政策明白纸”入户解读。

六、其他需要报告的事项
无。
"""
