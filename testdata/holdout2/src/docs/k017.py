from lib import N, to_trad, glue_pinyin

META = {
    "source": "http://www.zgzhouzhou-mirror.com.tw/rsj/xxgk/2013/0318/ndbg2012.html",
    "agency": "株洲市人力资源和社会保障局",
    "agency_aliases": ["株洲市人社局"],
    "year": 2012, "period": "year", "form": "narrative", "published": "2013-03-18",
}

SRC = f"""株洲市人力资源和社会保障局2012年政府信息公开工作年度报告

本报告依据《中华人民共和国政府信息公开条例》和《湖南省政府信息公开规定》编制，数据统计期限为2012年1月1日至12月31日。

一、概述
2012年，我局把政府信息公开与人社服务窗口建设相结合，在市人力资源市场、市社保服务大厅设立电子查询屏，局办公室配备专职工作人员{N("staff.fulltime", 2)}名。全年召开政府信息公开专题会议{N("meetings.total", 3)}次。

二、主动公开情况
全年主动公开政府信息{N("proactive.total", 742)}条，其中在株洲市人民政府门户网站公开{N("proactive.website", 519)}条，在“株洲人社”网站和服务大厅公开223条。公开重点为就业创业扶持政策、社会保险待遇调整、事业单位公开招聘和职称评审结果等。全市各县市区人社部门共发布招聘信息5.2万条。

三、依申请公开情况
全年收到政府信息公开申请{N("apps_new.total", 17)}件，全部按期答复。其中同意公开{N("granted.total", 11)}件，同意部分公开{N("partial.total", 1)}件，不同意公开{N("denied.total", 1)}件，申请信息不存在{N("reply.not_exist", 3)}件，不属于本机关公开范围{N("reply.not_this_agency", 1)}件。局12333咨询电话全年接听来电6.8万个，劳动保障监察机构受理举报投诉1127件，均未计入上述申请。

四、收费、复议诉讼情况
全年{N("fees.collected", 0, "未收取")}任何费用。因政府信息公开申请被申请行政复议{N("review.total", 1)}件，复议机关{N("review.upheld", 1, "维持")}原答复；{N("litigation.total", 0, "未发生")}行政诉讼。

五、存在的问题和改进措施
县市区人社部门公开工作进展不平衡。2013年将加强指导，拓展手机短信等公开渠道。
"""

def POST(text):
    return glue_pinyin(to_trad(text))
