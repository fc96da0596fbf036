from lib import N, Apps, Art21, Review, apps_html, art_html, review_html

META = {
    "source": "https://www.tjhx.gov.cn/zwgk/jdxxgk/yylj/xxgknb/202301/t20230116_6083412.html",
    "agency": "天津市河西区友谊路街道办事处",
    "year": 2022, "period": "year", "form": "table2021", "published": "2023-01-16",
}

art = Art21(rules=(0, 0, 0), normative=(0, 0, 0), licensing=0, penalty=23, enforcement=0, fees=0,
            slash=("rules.issued", "rules.repealed", "rules.in_force"))
apps = Apps("table2021", {
    "apps_new": [4, 0, 0, 0, 0, 0],
    "granted": [1, 0, 0, 0, 0, 0],
    "unavailable_not_held": [2, 0, 0, 0, 0, 0],
    "unprocessed_confirm": [1, 0, 0, 0, 0, 0],
})
rev = Review()

SRC = f"""<div class="position">当前位置：首页 &gt; 政务公开 &gt; 街道信息公开 &gt; 友谊路街道</div>
<h1>天津市河西区友谊路街道办事处2022年政府信息公开工作年度报告</h1>
<div class="info">发布日期：2023-01-16 来源：友谊路街道</div>
<div class="TRS_Editor"><p>根据《中华人民共和国政府信息公开条例》规定，现公布天津市河西区友谊路街道办事处2022年政府信息公开工作年度报告。本报告统计期限为2022年1月1日至2022年12月31日。</p>
<p>一、总体情况</p>
<p>2022年，友谊路街道坚持以人民为中心，聚焦老旧小区改造、疫情防控、民生保障等群众关心的事项，及时准确公开政府信息。全年通过河西区政府网站街道专栏主动公开信息{N("proactive.website", 214)}条，通过“友谊路街”微信公众号发布{N("proactive.wechat", 389)}条。河西区全区全年收到依申请公开申请842件。</p>
<p>街道全年收到政府信息公开申请{N("apps_new.total", 4)}件，均为自然人提出，已全部办结。全年街道综合执法大队作出行政处罚决定{N("art20.penalty.decisions", 23)}件。</p>
<p>二、主动公开政府信息情况</p>
{art_html(art)}
<p>三、收到和处理政府信息公开申请情况</p>
{apps_html(apps)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
{review_html(rev)}
<p>五、存在的主要问题及改进情况</p>
<p>主要问题是社区层面公开内容不够丰富。下一步将指导13个社区规范设置居务公开栏。</p>
<p>六、其他需要报告的事项</p>
<p>本街道{N("fees.info_processing", 0, "不涉及收取")}信息处理费。</p></div>
<div class="footer">主办：天津市河西区人民政府办公室 津ICP备05004352号 网站标识码1201030003</div>
"""
