from lib import N, Apps, Art19, Review, apps_html, art_html, review_html, js_string

META = {
    "source": "http://www.jiangsu.gov.cn/art/2020/3/20/art_46143_9018321.html",
    "agency": "江苏省人民政府办公厅",
    "year": 2019, "period": "year", "form": "table2019", "published": "2020-01-20",
}

art = Art19(rules=(0, 0, 0), normative=(0, 0, 0), licensing=(0, 0, 0), other_services=(0, 0, 0),
            penalty=(0, 0, 0), enforcement=(0, 0, 0), fees=(0, 0), procurement=(23, 1546.3),
            blank=("licensing.prev_items", "licensing.change", "licensing.decisions",
                   "other_services.prev_items", "other_services.change", "other_services.decisions",
                   "penalty.prev_items", "penalty.change", "penalty.decisions",
                   "enforcement.prev_items", "enforcement.change", "enforcement.decisions",
                   "fees.prev_items", "fees.change"))
apps = Apps("table2019", {
    "apps_new": [262, 31, 0, 1, 9, 4],
    "apps_carried_over": [11, 2, 0, 0, 0, 0],
    "granted": [58, 9, 0, 0, 2, 1],
    "partial": [19, 3, 0, 0, 1, 0],
    "denied_state_secret": [2, 0, 0, 0, 0, 0],
    "denied_internal": [7, 1, 0, 0, 0, 0],
    "denied_process": [11, 2, 0, 0, 1, 0],
    "unavailable_not_held": [98, 10, 0, 1, 3, 2],
    "unavailable_unclear": [6, 0, 0, 0, 0, 0],
    "unprocessed_petition": [17, 2, 0, 0, 0, 0],
    "unprocessed_repeat": [12, 1, 0, 0, 1, 0],
    "unprocessed_publication": [3, 0, 0, 0, 0, 0],
    "other": [21, 3, 0, 0, 0, 1],
    "apps_carried_forward": [19, 2, 0, 0, 1, 0],
})
rev = Review(review=(9, 2, 1, 3), direct=(4, 1, 2, 5), after=(2, 0, 0, 1))

html = (f"<p>本报告依据新修订的《中华人民共和国政府信息公开条例》编制，统计期限自2019年1月1日至2019年12月31日。</p>"
        f"<p>一、总体情况</p><p>2019年，省政府办公厅全面贯彻新修订的条例，全年通过省政府门户网站主动公开政府信息{N('proactive.website', 7436)}条，"
        f"在“江苏发布”政务新媒体发布{N('proactive.new_media', 3982)}条，发布政策解读{N('proactive.interpretations', 211)}篇。"
        f"全省13个设区市政府门户网站共发布信息31.6万条。</p>"
        f"<p>全年新收政府信息公开申请{N('apps_new.total', 307)}件，比上年增长8.5%。省长信箱收到群众来信1.9万件，12345热线受理诉求236万件，均按相应程序办理。</p>"
        f"<p>二、主动公开政府信息情况</p>{art_html(art)}"
        f"<p>三、收到和处理政府信息公开申请情况</p>{apps_html(apps)}"
        f"<p>四、政府信息公开行政复议、行政诉讼情况</p>{review_html(rev)}"
        f"<p>五、存在的主要问题及改进情况</p><p>依申请公开答复的规范化水平仍需提升，2020年将制定答复文书范本。</p>"
        f"<p>六、其他需要报告的事项</p><p>无。</p>")

SRC = f"""江苏省人民政府 | 首页 | 要闻动态 | 政务公开 | 政务服务 | 互动交流 | 走进江苏 | 无障碍 | 长者模式
您当前的位置：首页 > 政府信息公开 > 政府信息公开年报 > 省政府办公厅
江苏省人民政府办公厅2019年政府信息公开工作年度报告
发布日期：2020-01-20 11:05 浏览次数：
<script type="text/javascript">
{js_string(html)}
document.getElementById("zoom").innerHTML = content;
</script>
相关链接：国务院办公厅 | 各省区市政府网站 | 江苏省设区市政府网站
【热门推荐】苏州园林门票在线预订 | 南京房产最新楼盘 | 无锡二手车交易平台
网站地图 | 联系我们 | 主办：江苏省人民政府办公厅 苏ICP备05009483号 网站标识码3200000001
"""
