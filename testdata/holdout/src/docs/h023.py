from lib import N, Apps, Art21, Review, apps_glued, art_glued, review_glued

META = {
    "source": "http://www.ql.gov.cn/ql/zrzyj/xxgknb/202301/t20230130_1421368.html",
    "agency": "曲靖市麒麟区自然资源局",
    "year": 2022, "period": "year", "form": "table2021", "published": "2023-01-30",
}

art = Art21(rules=(0, 0, 0), normative=(2, 1, 14), licensing=356, penalty=48, enforcement=3, fees=0)
apps = Apps("table2021", {
    "apps_new": [12, 1, 0, 0, 0, 0],
    "apps_carried_over": [2, 0, 0, 0, 0, 0],
    "granted": [5, 0, 0, 0, 0, 0],
    "partial": [2, 0, 0, 0, 0, 0],
    "denied_process": [1, 0, 0, 0, 0, 0],
    "unavailable_not_held": [3, 1, 0, 0, 0, 0],
    "unavailable_need_create": [1, 0, 0, 0, 0, 0],
    "unprocessed_petition": [1, 0, 0, 0, 0, 0],
    "apps_carried_forward": [1, 0, 0, 0, 0, 0],
})
rev = Review(review=(1, 0, 0, 0), direct=(0, 0, 0, 1))

SRC = f"""曲靖市麒麟区自然资源局2022年政府信息公开工作年度报告
时间：2023-01-30 11:26　来源：麒麟区自然资源局

本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告所列数据统计期限为2022年1月1日至2022年12月31日。

一、总体情况

2022年，我局认真贯彻落实《条例》及省、市、区关于政务公开工作的部署，紧紧围绕国土空间规划、耕地保护、不动产登记、矿产资源管理等中心工作，依法依规做好政府信息公开工作。

（一）主动公开。全年通过麒麟区人民政府门户网站主动公开政府信息{N("proactive.website", 197)}条，其中征地信息公开46条、国有建设用地使用权出让公告及结果公示38条、不动产登记办事指南12条。全年办理不动产登记业务3.6万余件。

（二）依申请公开。全年共收到政府信息公开申请{N("apps_new.total", 13)}件，上年结转{N("apps_carried_over.total", 2)}件，其中予以公开{N("granted.total", 5)}件、部分公开{N("partial.total", 2)}件、不予公开{N("denied.total", 1)}件、无法提供{N("unavailable.total", 5)}件、不予处理{N("unprocessed.total", 1)}件，结转下年度{N("apps_carried_forward.total", 1)}件。

（三）政府信息管理。严格落实信息公开保密审查制度。

（四）平台建设。依托区政府门户网站设置“征地信息公开”专栏。

（五）监督保障。将政务公开工作纳入局年度工作考核。

二、主动公开政府信息情况

{art_glued(art)}

三、收到和处理政府信息公开申请情况

{apps_glued(apps)}

四、政府信息公开行政复议、行政诉讼情况

{review_glued(rev)}

五、存在的主要问题及改进情况

一是征地信息公开的及时性有待提高；二是依申请公开答复文书的规范性仍需加强。2023年，我局将进一步完善信息公开工作机制，提升依申请公开办理质量。

六、其他需要报告的事项

本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""
