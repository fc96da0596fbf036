from lib import N, Apps, Art19, Review, apps_glued, art_glued, review_glued

META = {
    "source": "http://gxq.xiangyang.gov.cn/xxgk/gknb/202101/t20210128_2381647.shtml",
    "agency": "襄阳高新技术产业开发区管理委员会",
    "agency_from": "url",
    "agency_aliases": ["襄阳高新区管委会"],
    "year": 2020, "period": "year", "form": "table2019", "published": "2021-01-28",
}

art = Art19(rules=(0, 0, 0), normative=(1, 1, 6), licensing=(0, 0, 0), other_services=(0, 0, 0),
            penalty=(0, 0, 0), enforcement=(0, 0, 0), fees=(0, 0), procurement=(0, 0))
apps = Apps("table2019", {
    "apps_new": [17, 4, 0, 0, 0, 0],
    "apps_carried_over": [2, 0, 0, 0, 0, 0],
    "granted": [5, 2, 0, 0, 0, 0],
    "partial": [2, 0, 0, 0, 0, 0],
    "unavailable_not_held": [8, 1, 0, 0, 0, 0],
    "unprocessed_repeat": [2, 0, 0, 0, 0, 0],
    "apps_carried_forward": [2, 1, 0, 0, 0, 0],
})
rev = Review(review=(1, 0, 0, 0))

SRC = f"""一、总体情况
2020年，我委坚持统筹疫情防控和经济社会发展，紧扣“产城融合示范区”建设，全面推进政务公开。全年在门户网站主动公开政府信息{N("proactive.website", 1127)}条，在“襄阳高新发布”公众号发布{N("proactive.wechat", 604)}条。辖区各街道办事处另发布信息892条。
全年共受理政府信息公开申请{N("apps_new.total", 21)}件，上年结转{N("apps_carried_over.total", 2)}件，主要涉及征地拆迁、企业扶持资金和规划许可。
二、主动公开政府信息情况
{art_glued(art)}
三、收到和处理政府信息公开申请情况
{apps_glued(apps)}
四、政府信息公开行政复议、行政诉讼情况
{review_glued(rev)}
五、存在的主要问题及改进情况
一是部分职能部门对依申请公开的法定期限把握不准；二是政策解读的针对性需进一步提升。2021年，我委将组织专题培训，推行答复文书合法性审查。
六、其他需要报告的事项
无。
"""
