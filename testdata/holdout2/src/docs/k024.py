from lib import N

META = {
    "source": "http://www.sipac.gov.cn/szgyyq/zfxxgkndbg/201701/a7c2d4e19b3f4c2a8e61.shtml",
    "agency": "苏州工业园区管理委员会",
    "agency_aliases": ["苏州工业园区管委会"],
    "year": 2016, "period": "year", "form": "narrative", "published": "2017-01-24",
}

SRC = f"""苏州工业园区管理委员会2016年政府信息公开工作年度报告

苏州工业园区管理委员会依据《中华人民共和国政府信息公开条例》，编制2016年度政府信息公开工作年度报告。报告期限为2016年1月1日至12月31日。

一、概述
2016年，园区管委会以开放创新综合试验区建设为契机，推进权力清单、责任清单和财政资金信息公开。园区管委会办公室是政府信息公开的主管部门，设专门工作机构{N("staff.units", 1)}个。

二、主动公开情况
全年主动公开政府信息{N("proactive.total", 6752)}条，其中通过园区门户网站公开{N("proactive.website", 5218)}条，通过“苏州工业园区发布”微博公开{N("proactive.weibo", 804)}条，通过“园区发布”微信公开{N("proactive.wechat", 730)}条。截至2016年底，园区政府信息公开平台累计公开信息4.9万条。全年回应社会关切{N("response.hot_topics", 22)}次，发布政策解读{N("proactive.interpretations", 38)}篇。

三、依申请公开情况
全年收到政府信息公开申请{N("apps_new.total", 58)}件，其中网络申请{N("apps_channel.online", 41)}件，当面申请{N("apps_channel.in_person", 12)}件，信函申请{N("apps_channel.mail", 5)}件；全部办结，其中按时办结{N("apps_closed.on_time", 56)}件，延期办结{N("apps_closed.extended", 2)}件。答复中，已主动公开的{N("reply.already_public", 9)}件，同意公开{N("granted.total", 21)}件，同意部分公开{N("partial.total", 4)}件，不同意公开{N("denied.total", 3)}件，不属于本机关公开的{N("reply.not_this_agency", 8)}件，申请信息不存在的{N("reply.not_exist", 11)}件，告知通过其他途径办理的{N("reply.other_channel", 2)}件。
园区各街道（社工委）全年共收到申请36件，园区“寒山闻钟”论坛受理网民诉求2700余条，均不计入上述数据。

四、复议诉讼情况
因政府信息公开引起行政复议{N("review.total", 5)}件，其中维持{N("review.upheld", 4)}件，其他情形{N("review.other", 1)}件；引起行政诉讼{N("litigation.total", 3)}件，均{N("litigation.upheld", 3, "驳回原告诉讼请求")}。

五、存在的问题和改进措施
依申请公开量逐年增加，答复工作压力加大。2017年将建立疑难申请会商机制，加强对各局办的业务指导。
"""
