from lib import N, Apps, Art19, Review, apps_pipe, art_pipe, review_pipe

META = {
    "source": "http://scjgj.zibo.gov.cn/gongkai/channel_c_5f5e0a3b/doc_5e6a1f.html",
    "agency": "淄博市市场监督管理局",
    "year": 2019, "period": "year", "form": "table2019", "published": "2020-01-17",
}

art = Art19(rules=(0, 0, 0), normative=(3, 3, 11), licensing=(42, -5, 18342), other_services=(0, 0, 0),
            penalty=(612, 0, 2417), enforcement=(27, 0, 356), fees=(0, 0), procurement=(14, 386.52))
apps = Apps("table2019", {
    "apps_new": [37, 12, 0, 0, 2, 1],
    "apps_carried_over": [0, 0, 0, 0, 0, 0],
    "granted": [11, 5, 0, 0, 1, 0],
    "partial": [3, 1, 0, 0, 0, 0],
    "denied_third_party": [1, 2, 0, 0, 0, 0],
    "unavailable_not_held": [14, 3, 0, 0, 1, 1],
    "unprocessed_petition": [6, 0, 0, 0, 0, 0],
    "other": [1, 1, 0, 0, 0, 0],
    "apps_carried_forward": [1, 0, 0, 0, 0, 0],
})
rev = Review(review=(2, 0, 0, 0), direct=(1, 0, 0, 1))

SRC = f"""淄博市市场监督管理局2019年政府信息公开工作年度报告
索引号：11370300MB2856421Q/2020-00012 | 发布机构：淄博市市场监督管理局 | 成文日期：2020-01-17

本年度报告根据新修订的《中华人民共和国政府信息公开条例》第五十条规定编制。报告中所列数据统计期限自2019年1月1日起至2019年12月31日止。如对本报告有疑问，请与淄博市市场监督管理局办公室联系（电话：0533-3186021）。

一、总体情况
2019年是机构改革后我局运行的第一个完整年度。局党组把政务公开列入重要议事日程，调整了政务公开工作领导小组，明确办公室为政务公开工作机构。
全年通过局门户网站主动公开信息{N("proactive.website", 1943)}条，通过“淄博市场监管”政务微博发布{N("proactive.weibo", 688)}条。重点公开了“双随机、一公开”抽查结果、食品安全监督抽检信息、行政处罚决定书等内容。全市市场监管系统（含区县局）共公开抽检信息1.6万批次。
依申请公开方面，全年受理政府信息公开申请{N("apps_new.total", 52)}件，同比增长30%（2018年原市工商局、食药监局合计受理40件）。其中，企业申请{N("apps_new.business", 12)}件，占比23%。
复议诉讼方面，因政府信息公开被申请行政复议{N("review.total", 2)}件，被提起行政诉讼{N("litigation.total", 2)}件。

二、主动公开政府信息情况
{art_pipe(art)}

三、收到和处理政府信息公开申请情况
{apps_pipe(apps)}

四、政府信息公开行政复议、行政诉讼情况
{review_pipe(rev)}

五、存在的主要问题及改进情况
一是机构整合后原三个部门的历史信息尚未完全迁移归并；二是基层所公开意识有待提高。下一步，我局将完成网站栏目整合，组织县区局开展专题培训。

六、其他需要报告的事项
无。
"""
