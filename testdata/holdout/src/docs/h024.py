from lib import N, Apps, Art21, Review, apps_pipe, art_pipe, review_pipe

META = {
    "source": "http://www.ybq.gov.cn/bm/qsthjj/zwgk_70835/fdzdgknr/ndbg/202301/t20230128_11540917.html",
    "agency": "重庆市渝北区生态环境局",
    "year": 2022, "period": "year", "form": "table2021", "published": "2023-01-28",
}

art = Art21(rules=(0, 0, 0), normative=(1, 0, 6), licensing=214, penalty=87, enforcement=5, fees=0)
apps = Apps("table2021", {
    "apps_new": [14, 3, 0, 0, 1, 0],
    "apps_carried_over": [2, 0, 0, 0, 0, 0],
    "granted": [4, 1, 0, 0, 1, 0],
    "partial": [2, 0, 0, 0, 0, 0],
    "denied_third_party": [1, 0, 0, 0, 0, 0],
    "denied_process": [1, 1, 0, 0, 0, 0],
    "unavailable_not_held": [4, 1, 0, 0, 0, 0],
    "unavailable_unclear": [1, 0, 0, 0, 0, 0],
    "unprocessed_petition": [1, 0, 0, 0, 0, 0],
    "other_no_correction": [1, 0, 0, 0, 0, 0],
    "other_misc": [1, 0, 0, 0, 0, 0],
})
rev = Review(review=(1, 1, 0, 1), direct=(1, 0, 0, 1))

SRC = f"""重庆市渝北区生态环境局2022年政府信息公开工作年度报告
发布日期：2023-01-28　　来源：区生态环境局

根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布重庆市渝北区生态环境局2022年政府信息公开工作年度报告。本报告所列数据统计期限为2022年1月1日至12月31日。本报告电子版可在重庆市渝北区人民政府网站（www.ybq.gov.cn）查阅或下载。如对本报告有疑问，请与区生态环境局办公室联系（电话：023-67821935）。

一、总体情况

2022年，区生态环境局以习近平生态文明思想为指导，深入贯彻落实《条例》和市、区关于政务公开工作的部署，围绕深入打好污染防治攻坚战，全面推进生态环境领域信息公开。

（一）主动公开。全年主动公开政府信息{N("proactive.total", 1047)}条，其中区政府网站部门专栏公开{N("proactive.website", 385)}条，“渝北生态环境”微信公众号发布{N("proactive.wechat", 662)}条。全年制发行政规范性文件{N("art20.normative.issued", 1)}件，现行有效行政规范性文件{N("art20.normative.in_force", 6)}件；作出建设项目环评审批等行政许可决定{N("art20.licensing.decisions", 214)}件，作出环境行政处罚决定{N("art20.penalty.decisions", 87)}件，处罚金额1026.5万元，行政强制（查封扣押）{N("art20.enforcement.decisions", 5)}件。

（二）依申请公开。全年共收到政府信息公开申请{N("apps_new.total", 18)}件，上年结转{N("apps_carried_over.total", 2)}件，全部在法定期限内办结，无结转下年度办理的申请。

（三）政府信息管理。动态更新政府信息公开目录，对涉及企业商业秘密的环评文件严格履行第三方意见征询程序。

（四）平台建设。在区政府网站部门专栏开设“生态环境质量”“环评审批”“执法监管”等栏目，每月公开空气质量和地表水质量状况。

（五）监督保障。将政务公开纳入局年度目标考核，开展季度自查。

二、主动公开政府信息情况

{art_pipe(art)}

三、收到和处理政府信息公开申请情况

{apps_pipe(apps)}

四、政府信息公开行政复议、行政诉讼情况

{review_pipe(rev)}

2022年，我局因政府信息公开被申请行政复议{N("review.total", 3)}件，其中维持{N("review.upheld", 1)}件，纠正{N("review.corrected", 1)}件（复议机关责令重新答复），尚未审结{N("review.pending", 1)}件；被提起行政诉讼{N(["litigation.total", "lit_direct.total"], 2)}件，均为未经复议直接起诉，其中{N(["litigation.upheld", "lit_direct.upheld"], 1)}件法院判决驳回原告诉讼请求，{N(["litigation.pending", "lit_direct.pending"], 1)}件尚未审结。

五、存在的主要问题及改进情况

一是依申请公开答复的说理性有待加强，2022年出现1件被复议纠正的情形；二是企业环境信息依法披露的指导工作需进一步加强。2023年，我局将加强答复文书审核，建立疑难申请集体研判机制，推动企业环境信息依法披露制度落地。

六、其他需要报告的事项

本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""
