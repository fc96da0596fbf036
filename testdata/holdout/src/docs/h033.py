from lib import N, Apps, Art21, Review, apps_html, art_html, review_html

META = {
    "source": "http://www.qingxiu.gov.cn/xxgk/zfxxgknb/qzfnb/202503/t20250320_6108825.html",
    "agency": "南宁市青秀区人民政府",
    "year": 2024, "period": "year", "form": "table2021", "published": "2025-03-20",
}

art = Art21(rules=(0, 0, 0), normative=(3, 5, 24), licensing=26418, penalty=3127, enforcement=86, fees=4862.5,
            slash=("rules.issued", "rules.repealed", "rules.in_force"))
apps = Apps("table2021", {
    "apps_new": [318, 17, 0, 1, 4, 2],
    "apps_carried_over": [17, 1, 0, 0, 0, 0],
    "granted": [89, 5, 0, 0, 2, 0],
    "partial": [25, 2, 0, 0, 0, 0],
    "denied_state_secret": [1, 0, 0, 0, 0, 0],
    "denied_third_party": [5, 1, 0, 0, 0, 0],
    "denied_internal": [3, 0, 0, 0, 0, 0],
    "denied_process": [4, 0, 0, 0, 1, 0],
    "denied_inquiry": [4, 0, 0, 0, 0, 0],
    "unavailable_not_held": [108, 7, 0, 1, 1, 1],
    "unavailable_need_create": [16, 1, 0, 0, 0, 0],
    "unavailable_unclear": [8, 0, 0, 0, 0, 0],
    "unprocessed_petition": [19, 0, 0, 0, 0, 0],
    "unprocessed_repeat": [8, 1, 0, 0, 0, 0],
    "unprocessed_publication": [1, 0, 0, 0, 0, 0],
    "unprocessed_mass": [2, 0, 0, 0, 0, 0],
    "other_no_correction": [13, 1, 0, 0, 0, 0],
    "other_no_fee": [2, 0, 0, 0, 0, 0],
    "other_misc": [18, 0, 0, 0, 0, 1],
    "apps_carried_forward": [9, 0, 0, 0, 0, 0],
})
rev = Review(review=(7, 1, 1, 3), direct=(2, 0, 0, 2), after=(1, 1, 0, 0))


def rows(h):
    return h.replace("</tr>", "</tr>\n")


SRC = f"""南宁市青秀区人民政府2024年政府信息公开工作年度报告
发布时间：2025-03-20　　来源：青秀区人民政府办公室

本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告所列数据统计期限为2024年1月1日至2024年12月31日。本报告电子版可在南宁市青秀区人民政府门户网站（www.qingxiu.gov.cn）下载。

一、总体情况

2024年，青秀区坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神，认真落实《条例》和自治区、南宁市关于政务公开工作的部署，持续深化政务公开，助力打造面向东盟开放合作的现代化中心城区。

（一）主动公开。全年通过区政府门户网站发布信息{N("proactive.website", 6871)}条，“青秀发布”政务微信发布信息{N("proactive.wechat", 2216)}条，“青秀发布”政务微博发布信息{N("proactive.weibo", 1893)}条。发布政策解读{N("proactive.interpretations", 112)}篇，其中主要负责同志解读9篇。

（二）依申请公开。全年共收到政府信息公开申请{N("apps_new.total", 342)}件，答复{N("outcome_total.total", 351)}件（含上年度结转{N("apps_carried_over.total", 18)}件，另有{N("apps_carried_forward.total", 9)}件顺延至下年度答复）。其中，予以公开{N("granted.total", 96)}件，部分公开{N("partial.total", 27)}件，不予公开{N("denied.total", 19)}件（其中属于国家秘密{N("denied_state_secret.total", 1)}件、保护第三方合法权益{N("denied_third_party.total", 6)}件、属于三类内部事务信息{N("denied_internal.total", 3)}件、属于四类过程性信息{N("denied_process.total", 5)}件、属于行政查询事项{N("denied_inquiry.total", 4)}件），无法提供{N("unavailable.total", 143)}件，不予处理{N("unprocessed.total", 31)}件，其他处理{N("other.total", 35)}件。

（三）政府信息管理。持续开展行政规范性文件清理，全年废止行政规范性文件5件。

（四）平台建设。推进政府网站与政务新媒体一体化管理，全区保留政务新媒体账号46个。

（五）监督保障。将政务公开纳入全区绩效考评，对12个单位开展专项督查。

二、主动公开政府信息情况

{rows(art_html(art))}

三、收到和处理政府信息公开申请情况

{rows(apps_html(apps))}

四、政府信息公开行政复议、行政诉讼情况

{rows(review_html(rev))}

2024年，因政府信息公开被申请行政复议{N("review.total", 12)}件，其中维持{N("review.upheld", 7)}件、纠正{N("review.corrected", 1)}件、其他结果{N("review.other", 1)}件、尚未审结{N("review.pending", 3)}件；被提起行政诉讼{N("litigation.total", 6)}件，其中未经复议直接起诉{N("lit_direct.total", 4)}件（维持{N("lit_direct.upheld", 2)}件、尚未审结{N("lit_direct.pending", 2)}件），复议后起诉{N("lit_after_review.total", 2)}件（维持{N("lit_after_review.upheld", 1)}件、纠正{N("lit_after_review.corrected", 1)}件）。

五、存在的主要问题及改进情况

一是依申请公开数量持续增长，部分申请涉及事项复杂，答复质量仍需提升；二是基层政务公开专区服务功能有待拓展。2025年，青秀区将完善依申请公开会商机制，强化答复文书合法性审核，推动基层政务公开专区与政务服务深度融合。

六、其他需要报告的事项

2024年，我区依法对超出合理数量的申请收取信息处理费3件次，共计{N("fees.info_processing", 0.135, "1350.00")}元。
"""
