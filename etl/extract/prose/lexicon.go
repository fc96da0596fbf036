package prose

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The lexicon is the phrasing table of domain.md §4.1 as data: the words
// reports use for each part of a clause (who, does what, to what, through
// which channel) and what each stands for. The readers never match a
// phrasing; they read the classes of the words around a figure.

// kind is the part of a clause a word plays.
type kind uint8

const (
	kNone      kind = iota // a word that is nothing to the readers, listed so its parts are not read ("政务公开")
	kNum                   // a count: a number with its unit (see mention)
	kComma                 // a clause end: , : (the text is half-width)
	kList                  // 、 between the items of a list
	kOpen                  // ( opens an aside
	kClose                 // ) closes it
	kAct                   // what is done (act values)
	kChannel               // where it is published (channel values)
	kObject                // what is counted (object values)
	kScope                 // whose figure (scope values)
	kBody                  // another body's business: messages, letters, legal aid, a platform's
	kOutcome               // a row of the answers to applications (outcome values)
	kReason                // a sub-row of the answers (index into reasonKeys + 1)
	kCase                  // review or litigation (caseKind values)
	kResult                // a result of a case (result values)
	kTopic                 // a legacy indicator's noun (topic values)
	kFee                   // money words (fee values)
	kFOI                   // an anchor to information disclosure: 信息公开, 依申请
	kMark                  // a structural word (mark values)
	kNeg                   // a denial: 未, 没有, 无
	kAppChan               // how an application came in (appChannel values)
	kApplicant             // who applied: 自然人 (applicant values)
	kDecision              // an Article 20 decision: 行政处罚决定 (decision values)
	kVia                   // 通过, 在, 依托: a channel of publication follows
)

// Other bodies' business: what is counted (vetoes a figure when it is the
// nearest noun) or whose platform it is (vetoes it anywhere in its words).
const (
	bThing    uint8 = iota // 留言, 咨询: another thing counted
	bPlatform              // 信息报送系统, 信用平台, 复议机关: another body's
)

// How applications came in.
const (
	acOnline uint8 = iota + 1
	acMail
	acInPerson
	acFax
)

var appChannelKeys = [...]string{acOnline: "apps_channel.online", acMail: "apps_channel.mail", acInPerson: "apps_channel.in_person", acFax: "apps_channel.fax"}

// Applicants.
const (
	apPerson uint8 = iota + 1 // 自然人, 公民
	apOrg                     // 法人或其他组织
	apAny                     // 申请人: who applied, said of anyone
)

// Article 20 decisions.
const (
	dcPenalty uint8 = iota + 1
	dcLicensing
	dcEnforcement
)

var decisionKeys = [...]string{dcPenalty: "art20.penalty.decisions", dcLicensing: "art20.licensing.decisions", dcEnforcement: "art20.enforcement.decisions"}

// Acts.
const (
	aPublish uint8 = iota + 1 // 主动公开, 发布, 推送
	aSubmit                   // 报送: sent to another body's platform
	aMake                     // 制作: information made, not published
	aIssue                    // 制发: documents issued (Article 20)
	aRepeal                   // 废止
	aInForce                  // 现行有效
	aReceive                  // 收到, 受理
	aHandle                   // 办理: received, perhaps with last year's
	aProcess                  // 处理: handled, counted loosely
	aAnswer                   // 答复, 办结
	aCompile                  // 汇集, 刊登: put into a gazette
	aHold                     // 举办, 召开: meetings, trainings
	aSet                      // 设立, 开辟: places
	aCharge                   // 收取
	aStaff                    // 配备
	aOnTime                   // 按时办结: the legacy table's closed in time
	aLate                     // 延期办结: closed after an extension
)

// Channels of proactive disclosure.
const (
	cWebsite   uint8 = iota + 1 // 网站, 门户, 政务网, 官网
	cWeibo                      // 微博
	cWechat                     // 微信, 公众号
	cNewMedia                   // 新媒体: the channels together
	cPlatform                   // one new-media platform the keys do not name: 抖音, 头条
	cGazette                    // 公报
	cCatalogue                  // the disclosure catalogue or column: 政府信息公开平台, 公开专栏
	cBoard                      // a notice board or screen: 公示栏, 触摸屏
	cOther                      // 其他方式
)

// Objects: what a figure counts.
const (
	oInfo      uint8 = iota + 1 // information in general: 信息, 政府信息, 内容
	oCategory                   // one kind of information: 工作动态, X类信息, 公告
	oDoc                        // documents: 文件, 公文
	oRule                       // 规章
	oNormative                  // 规范性文件
	oDecision                   // 决定书: decision documents published
	oInterp                     // 解读: policy interpretations
	oApp                        // applications: 申请, 申请表, 函件, 事项
	oAppBare                    // 依申请公开 named alone: "受理依申请公开6件"
	oAttr                       // items counted by attribute: 依申请公开信息, 不予公开信息
	oCaseFile                   // 案件: needs an anchor to say which
	oTopic                      // a topic (财政, 重点领域): names a kind of information before 信息
)

// Scopes: whose figure.
const (
	sOwn    uint8 = iota + 1 // 本级, 本机关, 我局
	sArea                    // 全区, 全市: the area (for a department, its own system)
	sBodies                  // 各级行政机关, 各部门: every body of the area
)

// Outcomes of applications, and the carry-over words.
const (
	uGranted uint8 = iota + 1
	uPartial
	uDenied
	uUnavailable
	uUnprocessed
	uOther
	uForward // 结转下年度
	uOver    // 上年结转
	uAgree   // 同意 (…申请): granted when an application follows
	uRefuse  // 拒绝 (…申请): denied when an application follows
	uPending // 办理中: carried forward
	uDefer   // 顺延: carried forward
)

// outcomeKeys maps outcome words to their keys.
var outcomeKeys = [...]string{
	uGranted: "granted.total", uPartial: "partial.total", uDenied: "denied.total",
	uUnavailable: "unavailable.total", uUnprocessed: "unprocessed.total", uOther: "other.total",
	uForward: "apps_carried_forward.total", uOver: "apps_carried_over.total",
	uAgree: "granted.total", uRefuse: "denied.total",
	uPending: "apps_carried_forward.total", uDefer: "apps_carried_forward.total",
}

// Case kinds.
const (
	caseReview uint8 = iota + 1
	caseLitigation
	caseLitDirect // 未经复议直接起诉
	caseLitAfter  // 复议后起诉
)

var caseKeys = [...]string{caseReview: "review", caseLitigation: "litigation", caseLitDirect: "lit_direct", caseLitAfter: "lit_after_review"}

// Results of cases.
const (
	rUpheld uint8 = iota + 1
	rCorrected
	rOther
	rPending
	rLost // 败诉: corrected, for a suit
)

var resultKeys = [...]string{rUpheld: "upheld", rCorrected: "corrected", rOther: "other", rPending: "pending", rLost: "corrected"}

// Topics: the legacy indicators' nouns.
const (
	tpReading   uint8 = iota + 1 // 查阅点, 查阅场所
	tpTraining                   // 培训
	tpPress                      // 新闻发布会
	tpInterview                  // 在线访谈
	tpFulltime                   // 专职
	tpParttime                   // 兼职
	tpIntake                     // 受理点: a place, not a reading point
	tpActivity                   // 新闻发布活动, 通气会: not press conferences
	tpHotTopic                   // 回应社会关切, 舆情回应
	tpMeeting                    // 工作会议, 专题会议
)

// Fee words.
const (
	fFee     uint8 = iota + 1 // 费用, 收费
	fInfo                     // 信息处理费
	fNotFOI                   // 行政事业性收费, 经费, 采购: not disclosure fees
	fCharged                  // 收取
)

// Marks.
const (
	mBreakdown uint8 = iota + 1 // 其中, 包括
	mInclude                    // 含
	mTotal                      // 共, 合计
	mCumul                      // 累计, 历年, 以来
	mUntil                      // 截至, 截止
	mYear                       // 全年, 本年度
	mNew                        // 新增
	mCompare                    // 较, 同比, 增长
	mShare                      // 占
	mEtc                        // 等
	mJoin                       // 及, 和, 或
	mAll                        // 均, 全部
	mElse                       // 另有
	mPassive                    // 被
	mAfter                      // 答复后: the agency is the respondent
	mLastYear                   // 上年, 去年: another year's
	mCN                         // 中国: a portal named "中国XX"
)

// entry is one word of the lexicon.
type entry struct {
	word string
	kind kind
	val  uint8
	foi  bool // the word also anchors a figure to information disclosure
}

// compiled is an entry as the matcher keeps it.
type compiled struct {
	entry
	next uint32 // up to three bytes after the first rune, packed: a cheap first comparison
	skip uint8  // the first rune's length in bytes; 0 when the word is that rune alone
}

// lexicon lists the words. Where words overlap, the longest one at a
// position wins ("不予公开" over "公开"), so a phrase that must not be read
// as its parts is listed whole.
var lexicon = []entry{
	// Acts of proactive disclosure.
	{"主动公开", kAct, aPublish, false}, {"公开", kAct, aPublish, false}, {"发布", kAct, aPublish, false},
	{"主动发布", kAct, aPublish, false}, {"推送", kAct, aPublish, false}, {"刊发", kAct, aPublish, false},
	{"公布", kAct, aPublish, false}, {"发送", kAct, aPublish, false}, {"推出", kAct, aPublish, false},
	{"编发", kAct, aPublish, false}, {"更新", kAct, aPublish, false}, {"上传", kAct, aPublish, false},
	{"发出", kAct, aPublish, false}, {"登载", kAct, aCompile, false}, {"刊登", kAct, aCompile, false},
	{"刊载", kAct, aCompile, false}, {"汇集", kAct, aCompile, false}, {"收录", kAct, aCompile, false},
	{"报送", kAct, aSubmit, false}, {"上报", kAct, aSubmit, false}, {"采用", kAct, aSubmit, false},
	{"制作", kAct, aMake, false}, {"产生", kAct, aMake, false}, {"梳理", kAct, aMake, false},
	{"制发", kAct, aIssue, false}, {"制定", kAct, aIssue, false}, {"新制定", kAct, aIssue, false},
	{"新发布", kAct, aIssue, false}, {"出台", kAct, aIssue, false}, {"印发", kAct, aIssue, false},
	{"废止", kAct, aRepeal, false}, {"失效", kAct, aRepeal, false}, {"宣布失效", kAct, aRepeal, false},
	{"现行有效", kAct, aInForce, false}, {"继续有效", kAct, aInForce, false},
	// Acts on applications.
	{"收到", kAct, aReceive, false}, {"受理", kAct, aReceive, false}, {"接到", kAct, aReceive, false},
	{"接收", kAct, aReceive, false}, {"接受", kAct, aReceive, false}, {"新收", kAct, aReceive, false},
	{"新收到", kAct, aReceive, false}, {"收悉", kAct, aReceive, false}, {"提出", kAct, aReceive, false},
	{"提交", kAct, aReceive, false}, {"提请", kAct, aReceive, false},
	{"办理", kAct, aHandle, false}, {"处理", kAct, aProcess, false},
	{"答复", kAct, aAnswer, false}, {"办结", kAct, aAnswer, false}, {"答复完毕", kAct, aAnswer, false},
	{"作出答复", kAct, aAnswer, false}, {"回复", kAct, aAnswer, false}, {"按时办结", kAct, aOnTime, false},
	{"延期办结", kAct, aLate, false}, {"逾期办结", kAct, aLate, false},
	// Acts of the legacy indicators and fees.
	{"举办", kAct, aHold, false}, {"召开", kAct, aHold, false}, {"举行", kAct, aHold, false},
	{"组织", kAct, aHold, false}, {"参加", kAct, aHold, false}, {"开展", kAct, aHold, false},
	{"设立", kAct, aSet, false}, {"开辟", kAct, aSet, false}, {"设置", kAct, aSet, false}, {"建立", kAct, aSet, false},
	{"收取", kAct, aCharge, false}, {"配备", kAct, aStaff, false},

	// Channels.
	{"网站", kChannel, cWebsite, false}, {"门户", kChannel, cWebsite, false}, {"官网", kChannel, cWebsite, false},
	{"政务网", kChannel, cWebsite, false}, {"信息网", kChannel, cWebsite, false}, {"政府信息网", kChannel, cWebsite, false}, {"政府网", kChannel, cWebsite, false},
	{"入口网站", kChannel, cWebsite, false}, {"门户网站", kChannel, cWebsite, false}, {"政府网站", kChannel, cWebsite, false}, {"官方网站", kChannel, cWebsite, false},
	{"网站公开平台", kChannel, cWebsite, false},
	{"微博", kChannel, cWeibo, false}, {"微信", kChannel, cWechat, false}, {"公众号", kChannel, cWechat, false},
	{"微信公众号", kChannel, cWechat, false}, {"微信公众平台", kChannel, cWechat, false},
	{"微博微信", kChannel, cNewMedia, false}, {"微信微博", kChannel, cNewMedia, false}, {"两微一端", kChannel, cNewMedia, false},
	{"新媒体", kChannel, cNewMedia, false}, {"政务新媒体", kChannel, cNewMedia, false},
	{"抖音", kChannel, cPlatform, false}, {"头条", kChannel, cPlatform, false}, {"今日头条", kChannel, cPlatform, false},
	{"视频号", kChannel, cPlatform, false}, {"快手", kChannel, cPlatform, false}, {"客户端", kChannel, cPlatform, false},
	{"APP", kChannel, cPlatform, false}, {"App", kChannel, cPlatform, false}, {"小程序", kChannel, cPlatform, false},
	{"公报", kChannel, cGazette, false}, {"政讯", kChannel, cGazette, false}, {"政报", kChannel, cGazette, false},
	{"政务公开网", kChannel, cCatalogue, true}, {"信息公开平台", kChannel, cCatalogue, true},
	{"公开目录系统", kChannel, cCatalogue, true}, {"信息公开目录", kChannel, cCatalogue, true},
	{"公开专栏", kChannel, cCatalogue, true}, {"政务公开专栏", kChannel, cCatalogue, true},
	{"信息公开专栏", kChannel, cCatalogue, true}, {"政务公开平台", kChannel, cCatalogue, true},
	{"政府信息公开平台", kChannel, cCatalogue, true}, {"政府信息公开专栏", kChannel, cCatalogue, true},
	{"政府信息公开目录", kChannel, cCatalogue, true}, {"政府信息公开网站", kChannel, cWebsite, true},
	{"政府信息公开网", kChannel, cWebsite, true}, {"信息公开网站", kChannel, cWebsite, true},
	{"公开栏", kChannel, cBoard, false}, {"公示栏", kChannel, cBoard, false}, {"公告栏", kChannel, cBoard, false},
	{"宣传栏", kChannel, cBoard, false}, {"公示板", kChannel, cBoard, false}, {"触摸屏", kChannel, cBoard, false},
	{"电子屏", kChannel, cBoard, false}, {"显示屏", kChannel, cBoard, false}, {"电视台", kChannel, cBoard, false},
	{"其他方式", kChannel, cOther, false}, {"其他渠道", kChannel, cOther, false},
	{"中国", kMark, mCN, false},

	// Objects.
	{"信息", kObject, oInfo, false}, {"政府信息", kObject, oInfo, true}, {"政务信息", kObject, oInfo, false},
	{"各类信息", kObject, oInfo, false}, {"内容", kObject, oInfo, false}, {"信息数", kObject, oInfo, false},
	{"类信息", kObject, oCategory, false}, {"动态", kObject, oCategory, false}, {"工作动态", kObject, oCategory, false},
	{"公告", kObject, oCategory, false}, {"通知公告", kObject, oCategory, false}, {"公示公告", kObject, oCategory, false},
	{"公告公示", kObject, oCategory, false}, {"作品", kObject, oCategory, false}, {"图解", kObject, oCategory, false},
	{"视频", kObject, oCategory, false}, {"标准", kObject, oCategory, false}, {"办理结果", kObject, oCategory, false},
	{"复文", kObject, oCategory, false}, {"要闻", kObject, oCategory, false}, {"简报", kObject, oCategory, false},
	{"稿件", kObject, oCategory, false}, {"专题", kObject, oCategory, false},
	// Topics that make "…信息" one kind of item ("财政预决算信息15条").
	{"重点领域", kObject, oTopic, false}, {"财政", kObject, oTopic, false}, {"人事", kObject, oTopic, false},
	{"规划", kObject, oTopic, false}, {"计划", kObject, oTopic, false}, {"招投标", kObject, oTopic, false},
	{"行政处罚", kObject, oTopic, false}, {"执法", kObject, oTopic, false}, {"民生", kObject, oTopic, false},
	{"便民", kObject, oTopic, false}, {"会议", kObject, oTopic, false}, {"机构", kObject, oTopic, false},
	{"领导", kObject, oTopic, false}, {"应急", kObject, oTopic, false}, {"统计", kObject, oTopic, false},
	{"扶贫", kObject, oTopic, false}, {"惠企", kObject, oTopic, false}, {"惠民", kObject, oTopic, false},
	{"概况", kObject, oTopic, false}, {"职能", kObject, oTopic, false}, {"法规", kObject, oTopic, false},
	{"资金", kObject, oTopic, false}, {"项目", kObject, oTopic, false}, {"环境", kObject, oTopic, false},
	{"文件", kObject, oDoc, false}, {"公文", kObject, oDoc, false}, {"政策文件", kObject, oDoc, false},
	{"人事任免", kObject, oDoc, false}, {"政策性文件", kObject, oDoc, false}, {"发文", kObject, oDoc, false},
	{"行政发文", kObject, oDoc, false}, {"档案", kObject, oDoc, false},
	{"规章", kObject, oRule, false}, {"政府规章", kObject, oRule, false},
	{"规范性文件", kObject, oNormative, false}, {"行政规范性文件", kObject, oNormative, false},
	{"决定书", kObject, oDecision, false}, {"行政处罚决定书", kObject, oDecision, false}, {"处罚决定书", kObject, oDecision, false},
	{"行政许可决定书", kObject, oDecision, false}, {"复议决定书", kObject, oDecision, false}, {"行政复议决定书", kObject, oDecision, false},
	{"解读", kObject, oInterp, false}, {"政策解读", kObject, oInterp, false}, {"解读稿", kObject, oInterp, false},
	{"解读稿件", kObject, oInterp, false}, {"解读材料", kObject, oInterp, false}, {"解读信息", kObject, oInterp, false},
	{"解读文件", kObject, oInterp, false}, {"解读文章", kObject, oInterp, false},
	{"政策解读信息", kObject, oInterp, false}, {"政策解读稿件", kObject, oInterp, false}, {"政策解读材料", kObject, oInterp, false},
	{"政策解读文件", kObject, oInterp, false}, {"解读类信息", kObject, oInterp, false},
	{"申请", kObject, oApp, false}, {"申请表", kObject, oApp, false}, {"函件", kObject, oApp, false},
	{"事项", kNone, 0, false}, {"件数", kNone, 0, false}, {"申请公开", kObject, oApp, true},
	{"公开申请", kObject, oApp, true}, {"信息公开申请", kObject, oApp, true}, {"政府信息公开申请", kObject, oApp, true},
	{"依申请", kObject, oAppBare, true}, {"依申请公开", kObject, oAppBare, true},
	{"依申请公开事项", kObject, oApp, true}, {"依申请公开申请", kObject, oApp, true},
	{"依申请公开政府信息", kObject, oApp, true}, {"行政复议申请", kCase, caseReview, false},
	{"依申请公开信息", kObject, oAttr, true}, {"不予公开信息", kObject, oAttr, false},
	{"案件", kObject, oCaseFile, false}, {"要求公开", kFOI, 0, true},

	// Scopes.
	{"本级", kScope, sOwn, false}, {"本机关", kScope, sOwn, false}, {"本单位", kScope, sOwn, false},
	{"本部门", kScope, sOwn, false}, {"我局", kScope, sOwn, false}, {"我委", kScope, sOwn, false},
	{"我办", kScope, sOwn, false}, {"我厅", kScope, sOwn, false}, {"本局", kScope, sOwn, false},
	{"本委", kScope, sOwn, false}, {"局机关", kScope, sOwn, false}, {"机关本级", kScope, sOwn, false},
	{"全区", kScope, sArea, false}, {"全市", kScope, sArea, false}, {"全县", kScope, sArea, false},
	{"全省", kScope, sArea, false}, {"全州", kScope, sArea, false}, {"全旗", kScope, sArea, false},
	{"全盟", kScope, sArea, false}, {"全系统", kScope, sArea, false},
	{"各级行政机关", kScope, sBodies, false}, {"各行政机关", kScope, sBodies, false}, {"各部门", kScope, sBodies, false},
	{"各职能部门", kScope, sBodies, false}, {"各单位", kScope, sBodies, false}, {"镇街", kScope, sBodies, false},
	{"各街道", kScope, sBodies, false}, {"各镇", kScope, sBodies, false}, {"各乡镇", kScope, sBodies, false},
	// The bodies of an area counted out: "全市19个镇（街道）共…", "全省11个设区市、
	// 117个县（市、区）政府共…".
	{"镇（街道）", kScope, sBodies, false}, {"镇(街道)", kScope, sBodies, false},
	{"乡镇（街道）", kScope, sBodies, false}, {"乡镇(街道)", kScope, sBodies, false},
	{"县（市、区）", kScope, sBodies, false}, {"县(市、区)", kScope, sBodies, false},
	{"县（市）", kScope, sBodies, false}, {"县(市)", kScope, sBodies, false},
	{"县（区）", kScope, sBodies, false}, {"县(区)", kScope, sBodies, false},
	{"区（县）", kScope, sBodies, false}, {"区(县)", kScope, sBodies, false},
	{"设区市", kScope, sBodies, false}, {"各区县", kScope, sBodies, false}, {"各县区", kScope, sBodies, false},

	// Other bodies' business counted near the report's figures (trap 5).
	{"留言", kBody, 0, false}, {"来信", kBody, 0, false}, {"来访", kBody, 0, false}, {"来电", kBody, 0, false},
	{"热线", kBody, 0, false}, {"12345", kBody, 0, false}, {"咨询", kBody, 0, false}, {"法律援助", kBody, 0, false},
	{"信访", kBody, 0, false}, {"投诉", kBody, 0, false}, {"举报", kBody, 0, false}, {"建议", kBody, 0, false},
	{"提案", kBody, 0, false}, {"公共法律服务", kBody, 0, false}, {"调解", kBody, 0, false}, {"媒体报道", kBody, bPlatform, false},
	{"采访", kBody, bPlatform, false}, {"访问", kBody, 0, false}, {"访问量", kBody, 0, false}, {"浏览", kBody, 0, false},
	{"点击", kBody, 0, false}, {"粉丝", kBody, 0, false}, {"关注", kBody, 0, false}, {"阅读", kBody, 0, false},
	{"订阅", kBody, 0, false}, {"信箱", kBody, 0, false}, {"行政许可", kBody, bPlatform, false}, {"信息报送系统", kBody, bPlatform, false},
	{"报送系统", kBody, bPlatform, false}, {"信用", kBody, bPlatform, false}, {"意见", kBody, 0, false}, {"征集", kBody, 0, false},
	{"民意", kBody, 0, false}, {"复议机关", kBody, bPlatform, false}, {"作为复议机关", kBody, bPlatform, false}, {"调查", kBody, 0, false},
	{"转办", kBody, 0, false}, {"工单", kBody, 0, false}, {"互动回应", kBody, 0, false},
	{"复议机构", kBody, bPlatform, false}, {"法院", kBody, bPlatform, false},

	// Outcomes of applications (2019+ rows and the legacy categories).
	{"予以公开", kOutcome, uGranted, false}, {"同意公开", kOutcome, uGranted, false},
	{"部分公开", kOutcome, uPartial, false}, {"部分予以公开", kOutcome, uPartial, false}, {"同意部分公开", kOutcome, uPartial, false},
	{"不予公开", kOutcome, uDenied, false}, {"不同意公开", kOutcome, uDenied, false}, {"拒绝公开", kOutcome, uDenied, false},
	{"无法提供", kOutcome, uUnavailable, false}, {"不予处理", kOutcome, uUnprocessed, false},
	{"其他处理", kOutcome, uOther, false}, {"其它处理", kOutcome, uOther, false},
	{"结转下年度", kOutcome, uForward, false}, {"结转下一年度", kOutcome, uForward, false}, {"结转下一年", kOutcome, uForward, false},
	{"结转至下年度", kOutcome, uForward, false}, {"结转到下年度", kOutcome, uForward, false}, {"结转下年", kOutcome, uForward, false},
	{"上年结转", kOutcome, uOver, false}, {"上年度结转", kOutcome, uOver, false}, {"上一年度结转", kOutcome, uOver, false},
	{"上一年结转", kOutcome, uOver, false}, {"上年度转结", kOutcome, uOver, false}, {"往年结转", kOutcome, uOver, false},
	{"同意", kOutcome, uAgree, false}, {"拒绝", kOutcome, uRefuse, false},
	{"办理中", kOutcome, uPending, false}, {"正在办理", kOutcome, uPending, false}, {"尚在办理", kOutcome, uPending, false},
	{"顺延", kOutcome, uDefer, false},

	// Case kinds and results.
	{"行政复议", kCase, caseReview, false}, {"复议", kCase, caseReview, false},
	{"行政诉讼", kCase, caseLitigation, false}, {"诉讼", kCase, caseLitigation, false}, {"起诉", kCase, caseLitigation, false},
	{"未经复议直接起诉", kCase, caseLitDirect, false}, {"直接起诉", kCase, caseLitDirect, false}, {"直接提起", kCase, caseLitDirect, false},
	{"复议后起诉", kCase, caseLitAfter, false}, {"经复议后", kCase, caseLitAfter, false},
	{"维持", kResult, rUpheld, false}, {"驳回", kResult, rUpheld, false},
	{"维持具体行政行为", kResult, rUpheld, false}, {"驳回原告诉讼请求", kResult, rUpheld, false},
	{"纠错", kResult, rCorrected, false}, {"纠正", kResult, rCorrected, false}, {"撤销", kResult, rCorrected, false},
	{"确认违法", kResult, rCorrected, false}, {"败诉", kResult, rLost, false},
	{"审理中", kResult, rPending, false}, {"未审结", kResult, rPending, false}, {"尚未审结", kResult, rPending, false},
	{"未结", kResult, rPending, false}, {"正在审理", kResult, rPending, false}, {"其他", kResult, rOther, false},
	{"其他结果", kResult, rOther, false}, {"其他情形", kResult, rOther, false},

	// Legacy indicators.
	{"查阅点", kTopic, tpReading, false}, {"查阅场所", kTopic, tpReading, false}, {"查阅室", kTopic, tpReading, false},
	{"查阅中心", kTopic, tpReading, false}, {"查阅场", kTopic, tpReading, false},
	{"受理点", kTopic, tpIntake, false}, {"培训", kTopic, tpTraining, false}, {"参训", kTopic, tpTraining, false},
	{"新闻发布会", kTopic, tpPress, false}, {"发布会", kTopic, tpPress, false},
	{"新闻发布活动", kTopic, tpActivity, false}, {"通气会", kTopic, tpActivity, false},
	{"在线访谈", kTopic, tpInterview, false}, {"专职", kTopic, tpFulltime, false}, {"全职", kTopic, tpFulltime, false},
	{"兼职", kTopic, tpParttime, false},
	{"回应社会关切", kTopic, tpHotTopic, false}, {"回应公众关注热点", kTopic, tpHotTopic, false},
	{"回应热点", kTopic, tpHotTopic, false}, {"舆情回应", kTopic, tpHotTopic, false}, {"回应舆情", kTopic, tpHotTopic, false},
	{"工作会议", kTopic, tpMeeting, false}, {"专题会议", kTopic, tpMeeting, false}, {"工作推进会", kTopic, tpMeeting, false},

	// Money.
	{"费用", kFee, fFee, false}, {"收费", kFee, fFee, false}, {"费", kFee, fFee, false},
	{"检索费", kFee, fFee, false}, {"复制费", kFee, fFee, false}, {"邮寄费", kFee, fFee, false},
	{"信息处理费", kFee, fInfo, false},
	{"行政事业性", kFee, fNotFOI, false}, {"经费", kFee, fNotFOI, false}, {"采购", kFee, fNotFOI, false},
	{"预算", kFee, fNotFOI, false}, {"决算", kFee, fNotFOI, false}, {"专项资金", kFee, fNotFOI, false},
	{"罚款", kFee, fNotFOI, false}, {"罚没", kFee, fNotFOI, false},

	// Anchors to disclosure.
	{"信息公开", kFOI, 0, true}, {"政府信息公开", kFOI, 0, true},

	// Marks.
	{"其中", kMark, mBreakdown, false}, {"包括", kMark, mBreakdown, false}, {"主要包括", kMark, mBreakdown, false},
	{"含", kMark, mInclude, false}, {"包含", kMark, mInclude, false},
	{"共", kMark, mTotal, false}, {"共计", kMark, mTotal, false}, {"合计", kMark, mTotal, false}, {"总计", kMark, mTotal, false},
	{"累计", kMark, mCumul, false}, {"历年", kMark, mCumul, false}, {"至今", kMark, mCumul, false}, {"以来", kMark, mCumul, false},
	{"截至", kMark, mUntil, false}, {"截止", kMark, mUntil, false}, {"截止到", kMark, mUntil, false}, {"截至目前", kMark, mCumul, false},
	{"全年", kMark, mYear, false}, {"年内", kMark, mYear, false}, {"本年", kMark, mYear, false}, {"本年度", kMark, mYear, false},
	{"今年", kMark, mYear, false}, {"当年", kMark, mYear, false}, {"年度内", kMark, mYear, false}, {"上半年", kMark, mYear, false},
	{"新增", kMark, mNew, false},
	{"较", kMark, mCompare, false}, {"同比", kMark, mCompare, false}, {"增长", kMark, mCompare, false}, {"增加", kMark, mCompare, false},
	{"减少", kMark, mCompare, false}, {"下降", kMark, mCompare, false}, {"上升", kMark, mCompare, false}, {"环比", kMark, mCompare, false},
	{"相较", kMark, mCompare, false}, {"比上年", kMark, mCompare, false}, {"较上年", kMark, mCompare, false},
	{"占", kMark, mShare, false}, {"等", kMark, mEtc, false},
	{"及", kMark, mJoin, false}, {"和", kMark, mJoin, false}, {"或", kMark, mJoin, false}, {"与", kMark, mJoin, false},
	{"以及", kMark, mJoin, false},
	{"均", kMark, mAll, false}, {"全部", kMark, mAll, false},
	{"另有", kMark, mElse, false}, {"被", kMark, mPassive, false}, {"答复后", kMark, mAfter, false},
	{"上年", kMark, mLastYear, false}, {"去年", kMark, mLastYear, false}, {"上一年", kMark, mLastYear, false},
	{"上年度", kMark, mLastYear, false},

	// Prepositions that introduce the channel of publication.
	{"通过", kVia, 0, false}, {"依托", kVia, 0, false}, {"利用", kVia, 0, false}, {"借助", kVia, 0, false},
	{"延伸至", kVia, 0, false}, {"在", kVia, 0, false},

	// Denials, for the zero statements.
	{"未", kNeg, 0, false}, {"没有", kNeg, 0, false}, {"无", kNeg, 0, false}, {"未有", kNeg, 0, false},

	// Words that contain the words above but are none of them: listed so
	// their parts are not read.
	{"政务公开", kNone, 0, false}, {"公开指南", kNone, 0, false}, {"五公开", kNone, 0, false},
	{"公开方式", kNone, 0, false}, {"公开属性", kNone, 0, false}, {"公开透明", kNone, 0, false},
	{"不公开", kNone, 0, false}, {"发布机构", kNone, 0, false}, {"发布日期", kNone, 0, false},
	{"发布时间", kNone, 0, false}, {"公开率", kNone, 0, false}, {"答复率", kNone, 0, false},
	{"办结率", kNone, 0, false}, {"无超期", kNone, 0, false}, {"无正当理由", kNone, 0, false},
	{"公开形式", kNone, 0, false}, {"公开内容", kNone, 0, false}, {"处理决定", kNone, 0, false},
	{"未按", kNone, 0, false}, {"未补正", kReason, 0, false}, // filled in by init: a reason
	{"其他对外管理服务", kNone, 0, false}, {"信息化", kNone, 0, false},

	// How applications came in, and who applied.
	{"网络", kAppChan, acOnline, false}, {"网上", kAppChan, acOnline, false}, {"线上", kAppChan, acOnline, false}, {"在线", kAppChan, acOnline, false},
	{"电子邮件", kAppChan, acOnline, false}, {"信函", kAppChan, acMail, false}, {"邮寄", kAppChan, acMail, false},
	{"当面", kAppChan, acInPerson, false}, {"现场", kAppChan, acInPerson, false}, {"传真", kAppChan, acFax, false},
	{"自然人", kApplicant, apPerson, false}, {"公民", kApplicant, apPerson, false}, {"公民个人", kApplicant, apPerson, false},
	{"法人", kApplicant, apOrg, false}, {"其他组织", kApplicant, apOrg, false}, {"申请人", kApplicant, apAny, false},
	{"政府信息公开申请人", kApplicant, apAny, true}, {"信息公开申请人", kApplicant, apAny, true},

	// Article 20 decisions stated in sentences.
	{"行政处罚决定", kDecision, dcPenalty, false}, {"行政许可决定", kDecision, dcLicensing, false},
	{"行政强制决定", kDecision, dcEnforcement, false}, {"行政处罚处理决定", kDecision, dcPenalty, false},
	{"行政许可处理决定", kDecision, dcLicensing, false},
}

// reasonWords are the sub-rows of the answers as prose words them, with
// their keys; their index (+1) is the kReason value. key is the 2019+ row
// (without .total), legacy the legacy table's key for reports before 2019
// (the 申请答复数 categories, §3.1); "" where the era has no such row.
var reasonWords = []struct {
	key, legacy string
	words       []string
}{
	{"denied_state_secret", "denied_state_secret.total", []string{"国家秘密"}},
	{"denied_law", "denied_law.total", []string{"法律行政法规禁止", "法律、行政法规禁止", "法律法规禁止", "法律法规规定的其他情形"}},
	{"denied_safety", "denied_safety.total", []string{"三安全一稳定", "危及"}},
	{"denied_third_party", "", []string{"第三方"}},
	{"denied_internal", "", []string{"内部事务"}},
	{"denied_process", "", []string{"过程性"}},
	{"denied_enforcement", "", []string{"执法案卷"}},
	{"denied_inquiry", "", []string{"行政查询"}},
	{"unavailable_need_create", "", []string{"另行制作", "没有现成"}},
	{"unavailable_unclear", "", []string{"不明确"}},
	{"unavailable_not_held", "", []string{"不掌握", "不属于我局掌握", "不属于我单位掌握", "本机关不掌握", "本单位不掌握", "本部门不掌握"}},
	{"unavailable_not_held", "reply.not_this_agency", []string{"不属于本机关", "非本机关", "不属于本行政机关"}},
	{"unprocessed_repeat", "", []string{"重复申请"}},
	{"unprocessed_publication", "", []string{"公开出版物"}},
	{"unprocessed_mass", "", []string{"大量反复"}},
	{"unprocessed_confirm", "", []string{"重新出具"}},
	{"unprocessed_petition", "", []string{"信访举报投诉", "信访投诉举报", "信访、举报、投诉", "信访类"}},
	{"other_no_correction", "", []string{"不补正", "未补正"}},
	{"other_no_fee", "", []string{"未缴纳费用", "未按收费通知", "逾期未缴纳", "不缴纳费用"}},
	{"", "reply.not_exist", []string{"信息不存在", "申请信息不存在"}},
	{"", "reply.already_public", []string{"属于已主动公开范围", "已主动公开范围"}},
	{"", "reply.ask_amend", []string{"更改补充"}},
	{"", "reply.other_channel", []string{"其他途径办理", "通过其他途径"}},
	{"", "denied_commercial_secret.total", []string{"商业秘密"}},
	{"", "denied_privacy.total", []string{"个人隐私"}},
}

// reasonGroup is the outcome row a reason belongs to (0 for a legacy
// category that is a row of its own).
func reasonGroup(key string) uint8 {
	if len(key) < 4 || strings.HasPrefix(key, "reply.") {
		return 0
	}
	switch key[:4] {
	case "deni":
		return uDenied
	case "unav":
		return uUnavailable
	case "unpr":
		return uUnprocessed
	}
	return uOther
}

// lex is the compiled lexicon: for each first rune, the entries starting
// with it, longest first.
type lex struct {
	first   [0x10000]uint16 // bucket+1 by first rune (BMP), 0 for none
	ascii   [128]uint16
	buckets []bucket
}

// bucket holds the words that start with one rune: those of several runes
// sorted by the bytes after the first rune (then longest first), so a match
// is a binary search, and the rune alone when it is a word too.
type bucket struct {
	multi  []compiled
	single *compiled
}

var lexTable = buildLex()

func buildLex() *lex {
	all := append([]entry(nil), lexicon...)
	for i, r := range reasonWords {
		for _, w := range r.words {
			all = append(all, entry{w, kReason, uint8(i + 1), false})
		}
	}
	// 未补正 is listed among the others only to keep its place; the reason
	// table gives its value.
	byWord := map[string]entry{}
	for _, e := range all {
		if e.kind == kReason && e.val == 0 {
			continue
		}
		byWord[e.word] = e
	}
	l := &lex{}
	for _, r := range "、，：（【）】“‘《「" {
		cueTable[r] |= cueLex // the tokenizer's marks
	}
	groups := map[rune][]compiled{}
	for _, e := range byWord {
		r, n := utf8.DecodeRuneInString(e.word)
		c := compiled{entry: e}
		if len(e.word) > n {
			c.skip, c.next = uint8(n), pack3(e.word[n:])
		}
		groups[r] = append(groups[r], c)
	}
	runes := make([]rune, 0, len(groups))
	for r := range groups {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	for _, r := range runes {
		if r < 0x10000 {
			cueTable[r] |= cueLex
		}
		var bk bucket
		for _, c := range groups[r] {
			if c.skip == 0 {
				single := c
				bk.single = &single
				continue
			}
			bk.multi = append(bk.multi, c)
		}
		g := bk.multi
		sort.Slice(g, func(i, j int) bool {
			if g[i].next != g[j].next {
				return g[i].next < g[j].next
			}
			if len(g[i].word) != len(g[j].word) {
				return len(g[i].word) > len(g[j].word)
			}
			return g[i].word < g[j].word
		})
		l.buckets = append(l.buckets, bk)
		if r < 128 {
			l.ascii[r] = uint16(len(l.buckets))
		} else if r < 0x10000 {
			l.first[r] = uint16(len(l.buckets))
		}
	}
	return l
}

// bucket returns the entries starting with r, longest first.
func (l *lex) bucket(r rune) []compiled {
	var b uint16
	if r < 128 {
		b = l.ascii[r]
	} else if r < 0x10000 {
		b = l.first[r]
	}
	if b == 0 {
		return nil
	}
	bk := l.buckets[b-1]
	out := append([]compiled(nil), bk.multi...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].word) > len(out[j].word) })
	if bk.single != nil {
		out = append(out, *bk.single)
	}
	return out
}

// pack3 packs the first (up to) three bytes of s.
func pack3(s string) uint32 {
	var v uint32
	for i := 0; i < 3; i++ {
		v <<= 8
		if i < len(s) {
			v |= uint32(s[i])
		}
	}
	return v
}

// match returns the longest entry starting at s[i:], if any. The bytes
// after the first rune are compared as one integer, by binary search over
// the bucket, before words are compared: a first rune may start two dozen
// words.
func (l *lex) match(s string, i int, r rune) (entry, bool) {
	var b uint16
	if r < 128 {
		b = l.ascii[r]
	} else if r < 0x10000 {
		b = l.first[r]
	}
	if b == 0 {
		return entry{}, false
	}
	bk := &l.buckets[b-1]
	if m := bk.multi; len(m) > 0 {
		next := pack3(s[min(i+int(m[0].skip), len(s)):])
		lo, hi := 0, len(m)
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if m[mid].next < next {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		for k := lo; k < len(m) && m[k].next == next; k++ {
			if w := m[k].word; len(s)-i >= len(w) && s[i:i+len(w)] == w {
				return m[k].entry, true
			}
		}
	}
	if bk.single != nil {
		return bk.single.entry, true
	}
	return entry{}, false
}
