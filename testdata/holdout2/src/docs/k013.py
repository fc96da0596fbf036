from lib import N

META = {
    "source": "http://slt.shaanxi.gov.cn/zfxxgk/fdzdgknr/ndbg/201901/t20190125_1826450.html",
    "agency": "陕西省水利厅",
    "year": 2018, "period": "year", "form": "narrative", "published": "2019-01-25",
}

SRC = f"""陕西省水利厅2018年政府信息公开工作年度报告

按照《中华人民共和国政府信息公开条例》和省政府办公厅关于做好年度报告工作的要求，现公布陕西省水利厅2018年政府信息公开工作年度报告。报告统计期限为2018年1月1日至12月31日。

一、主动公开政府信息情况
2018年，厅机关主动公开政府信息{N("proactive.total", 2163)}条。按公开渠道分，厅门户网站发布{N("proactive.website", 1588)}条，“陕西水利”政务微博发布{N("proactive.weibo", 301)}条，“陕西水利”微信公众号发布{N("proactive.wechat", 274)}条。按内容分，其中河长制湖长制信息412条，水利工程建设项目信息336条，防汛抗旱信息205条，水资源管理信息187条，政策文件及解读23篇。全省各市县水利部门发布信息1.4万条，汉江、渭河流域管理机构另发布832条。
全年召开新闻发布会{N("response.press_conferences", 4)}场，回应社会关注热点{N("response.hot_topics", 9)}个。

二、依申请公开情况
全年共收到政府信息公开申请{N("apps_new.total", 38)}件，其中网上申请{N("apps_channel.online", 21)}件，信函申请{N("apps_channel.mail", 12)}件，当面申请{N("apps_channel.in_person", 5)}件。办结{N("apps_closed.total", 38)}件，答复情况为：属于已主动公开范围{N("reply.already_public", 7)}件，同意公开{N("granted.total", 13)}件，同意部分公开{N("partial.total", 3)}件，不同意公开{N("denied.total", 2)}件，不属于本行政机关公开{N("reply.not_this_agency", 6)}件，申请信息不存在{N("reply.not_exist", 5)}件，告知作出更改补充{N("reply.ask_amend", 2)}件。2017年厅机关收到申请29件。

三、复议、诉讼及举报投诉情况
因政府信息公开申请被提起行政复议{N("review.total", 3)}件，其中维持{N("review.upheld", 2)}件，被依法纠错{N("review.corrected", 1)}件；被提起行政诉讼{N("litigation.total", 1)}件，法院判决驳回原告诉讼请求{N("litigation.upheld", 1)}件。全年收到政府信息公开举报投诉{N("complaints.total", 0, "零")}件。

四、机构建设及培训
厅办公室设政务公开科，专职工作人员{N("staff.fulltime", 2)}人，各处室、直属单位兼职信息员{N("staff.parttime", 36)}人。全年举办培训班{N("trainings.total", 2)}期，培训{N("trainees.total", 150)}人次。

五、存在问题及改进措施
个别直属单位信息报送不及时，解读材料“以文解文”现象仍存在。2019年将按照新修订条例要求修订公开指南和目录。
"""
