from lib import N, Apps, Art21, Review, apps_pipe, art_pipe, review_pipe

META = {
    "source": "https://www.pudong.gov.cn/zwgk/jd-ljz/2023/023/312045.html",
    "agency": "上海市浦东新区陆家嘴街道办事处",
    "agency_from": "url",
    "agency_aliases": ["陆家嘴街道办事处"],
    "year": 2022, "period": "year", "form": "table2021", "published": "2023-01-20",
}

art = Art21(rules=(0, 0, 0), normative=(0, 0, 0), licensing=0, penalty=61, enforcement=2, fees=0,
            slash=("rules.issued", "rules.repealed", "rules.in_force", "normative.issued",
                   "normative.repealed", "normative.in_force", "licensing.decisions", "fees.amount"))
apps = Apps("table2021", {
    "apps_new": [8, 1, 0, 0, 0, 0],
    "apps_carried_over": [1, 0, 0, 0, 0, 0],
    "granted": [2, 0, 0, 0, 0, 0],
    "partial": [1, 1, 0, 0, 0, 0],
    "unavailable_not_held": [4, 0, 0, 0, 0, 0],
    "unprocessed_petition": [1, 0, 0, 0, 0, 0],
    "apps_carried_forward": [1, 0, 0, 0, 0, 0],
}, zero="0", tzero="0")
rev = Review(review=(0, 0, 0, 0), direct=(0, 0, 0, 0), after=(0, 0, 0, 0))

SRC = f"""依据《中华人民共和国政府信息公开条例》的规定，结合本街道工作实际，编制本年度报告。报告期为2022年1月1日至12月31日，所列数据为本街道办事处统计数据，不含辖区居民区。

一、总体情况
（一）主动公开
2022年，街道聚焦疫情防控、旧里改造、为老服务等重点，通过浦东新区门户网站街道专栏主动公开信息{N("proactive.website", 176)}条，通过“陆家嘴社区”公众号发布{N("proactive.wechat", 512)}条。31个居民区居务公开栏累计张贴公告2100多份。
（二）依申请公开
全年受理政府信息公开申请{N("apps_new.total", 9)}件，上年结转{N("apps_carried_over.total", 1)}件，办结{N("outcome_total.total", 9)}件，结转下年度{N("apps_carried_forward.total", 1)}件。
（三）政府信息管理
严格落实公文公开属性源头认定，全年对街道发文全部进行公开属性审查。
（四）平台建设和监督保障
更新社区事务受理服务中心政务公开专区，设置自助查阅终端2台。

二、主动公开政府信息情况
{art_pipe(art, md=True)}

三、收到和处理政府信息公开申请情况
{apps_pipe(apps, md=True)}

四、政府信息公开行政复议、行政诉讼情况
{review_pipe(rev, md=True)}

五、存在的主要问题及改进情况
居民区层面公开的规范性仍需加强。2023年将组织居民区书记专题培训。

六、其他需要报告的事项
本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""
