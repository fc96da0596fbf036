from lib import N, Apps, Art21, Review, apps_tab, art_tab, review_tab

META = {
    "source": "http://www.wujiang.gov.cn/zgwj/xxgk/zzz/xxgknb/202201/t20220121_2216543.shtml",
    "agency": "苏州市吴江区震泽镇人民政府",
    "year": 2021, "period": "year", "form": "table2021", "published": "2022-01-21",
}

art = Art21(rules=(0, 0, 0), normative=(0, 0, 0), licensing=12, penalty=37, enforcement=0, fees=0)
apps = Apps("table2021", {
    "apps_new": [7, 2, 0, 0, 0, 0],
    "apps_carried_over": [1, 0, 0, 0, 0, 0],
    "granted": [2, 1, 0, 0, 0, 0],
    "partial": [1, 0, 0, 0, 0, 0],
    "denied_internal": [1, 0, 0, 0, 0, 0],
    "unavailable_not_held": [2, 1, 0, 0, 0, 0],
    "unprocessed_repeat": [1, 0, 0, 0, 0, 0],
    "apps_carried_forward": [1, 0, 0, 0, 0, 0],
})
rev = Review(review=(1, 0, 0, 0))

SRC = f"""震泽镇2021年政府信息公开工作年度报告
发布日期：2022-01-21　　信息来源：震泽镇

本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，由苏州市吴江区震泽镇人民政府编制。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问，请与震泽镇党政办公室联系（地址：吴江区震泽镇镇南路1号，电话：0512-63850120）。

一、总体情况

2021年，震泽镇深入贯彻落实《条例》，按照区委、区政府关于政务公开工作的部署，以基层政务公开标准化规范化建设为抓手，围绕乡村振兴、蚕桑丝绸特色产业、古镇保护更新等重点工作，全面推进政务公开。

（一）主动公开。全年主动公开政府信息{N("proactive.total", 412)}条，其中通过吴江区政府门户网站震泽镇信息公开专栏公开{N("proactive.website", 156)}条，通过“震泽发布”微信公众号发布{N("proactive.wechat", 256)}条。重点公开了财政预决算、乡村振兴项目、征地拆迁补偿、社会救助、农村集体“三资”管理等信息。

（二）依申请公开。全年共收到政府信息公开申请{N("apps_new.total", 9)}件，上年结转{N("apps_carried_over.total", 1)}件；办结{N("outcome_total.total", 9)}件，其中予以公开{N("granted.total", 3)}件，部分公开{N("partial.total", 1)}件，不予公开{N(["denied.total", "denied_internal.total"], 1)}件（属于三类内部事务信息），无法提供{N(["unavailable.total", "unavailable_not_held.total"], 3)}件（均为本机关不掌握相关政府信息），不予处理{N(["unprocessed.total", "unprocessed_repeat.total"], 1)}件（重复申请）；结转下年度继续办理{N("apps_carried_forward.total", 1)}件。

（三）政府信息管理。建立健全政府信息发布审核、保密审查机制，全年对镇政府发文逐件确定公开属性。

（四）平台建设。在镇便民服务中心设置政务公开专区，配备自助查询终端；在23个行政村（社区）设置村级政务公开栏。

（五）监督保障。将政务公开工作纳入对各村（社区）和镇属部门的年度考核。

二、主动公开政府信息情况

{art_tab(art)}

三、收到和处理政府信息公开申请情况

{apps_tab(apps)}

四、政府信息公开行政复议、行政诉讼情况

{review_tab(rev)}

五、存在的主要问题及改进情况

一是村级政务公开内容更新不够及时；二是政策解读的形式还不够丰富。2022年，我镇将加强对村（社区）政务公开工作的指导，推广图解、短视频等解读方式。

六、其他需要报告的事项

本年度{N("fees.info_processing", 0, "未收取")}信息处理费。因政府信息公开被申请行政复议1件，复议机关维持了我镇的答复。
"""
