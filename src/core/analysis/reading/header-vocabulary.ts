/**
 * The header words of one field, compared after `normalizeHeaderText` (no spaces, case or punctuation).
 * `synonyms` are in order of preference; one written "=word" must be the whole header (short or common
 * English words: "Sales Stage" is no amount), the others may also be part of a longer header
 * ("成交金额(元)"). A header matching `plan` is an estimate, used when the actual value is blank; one
 * matching `weak` only when no better column exists; one matching `exclude` never.
 * Sources per export system: docs/EXPORT-VOCABULARY.md.
 */
export interface FieldVocabulary {
  readonly synonyms: readonly string[];
  readonly plan?: RegExp;
  readonly weak?: RegExp;
  readonly exclude?: RegExp;
  /**
   * Whole-header words that count only beside another header of the same row (Shopify's "Name" is the
   * order number in a row with "Lineitem name"; alone, a "Name" column is anybody's name).
   */
  readonly beside?: Readonly<Record<string, RegExp>>;
}

/** Synonyms written as one space-separated list, in order of preference. */
const words = (list: string): readonly string[] => list.split(/\s+/).filter(Boolean);

const ESTIMATE = /预计|预期|预估|计划|expected|estimated|^est|projected/;

/** Per field of `fields.ts` (which checks that every field has its entry). */
export const HEADER_VOCABULARY = {
  date: {
    synonyms: words(
      "成交日期 成交时间 签约日期 签单日期 结单日期 赢单日期 单据日期 订单日期 付款时间 支付时间 下单日期 下单时间 业务日期 销售日期 出库日期 开票日期 周开始日期 周次 =周 日期 创建时间 " +
        "actualclosedate closedate closeddate dateclosed closetime dealclosedon closedon wontime " +
        "closingdate orderdate paidat paiddate invoicedate salesdate transactiondate documentdate postingdate createdat engagedate " +
        "weekstarting weekstart weekof =week date",
    ),
    plan: ESTIMATE,
    weak: /创建|新建|录入|修改|更新|最后|最近|发货|交货|到期|审核|生效|有效期|付款(?!时间)|回款|收款|create|modif|updat|last|ship|deliver|due|expir|lost|birth|engage/,
    exclude: /星期|weekday|天数|days|时长|duration|^age/,
  },
  rep: {
    synonyms: words(
      "负责人 商机负责人 销售负责人 销售代表 销售人员 销售员 业务员 业务人员 业务代表 客户经理 商机所有人 所有人 跟进人 归属人 归属销售 所属销售 经办人 =销售 " +
        "opportunityowner dealowner ownername =owner salesrep salesrepresentative =rep salesagent =agent salesperson " +
        "salesman seller accountmanager assignedto accountowner",
    ),
    weak: /accountowner|客户负责人|id$/,
    exclude: /部门|department|dept|团队|team|组织|区域|region|territory|电话|phone|mobile|手机|email|邮箱|工号/,
  },
  customer: {
    synonyms: words(
      "客户id 客户编号 客户编码 客户代码 下单帐号 下单账号 客户名称 客户全称 客户简称 买家会员名 会员名 买家昵称 往来单位 购货单位 购买单位 订货单位 购方名称 对方单位 单位名称 公司名称 企业名称 客户公司 所属客户 关联客户 " +
        "客户 收货人 customerid customeruserid customeruser customername billingname fullnamebilling customer accountid accountname =account companyname =company " +
        "associatedcompany organizationname organisationname organization organisation =org clientname " +
        "client potentialcustomer soldtoparty soldto buyer",
    ),
    exclude:
      /联系人|contact|电话|phone|手机|mobile|email|邮箱|地址|address|经理|manager|owner|负责人|所有人|销售|类型|type|分类|类别|级别|等级|层级|segment|industry|行业|来源|source|区域|region|territory|city|城市|省|state|country|国家|规模|size|rating|评级|性质|属性|tier|level|group|群|备注|留言|note|comment/,
  },
  customerType: {
    synonyms: words(
      "客户类型 客户分类 客户类别 客户级别 客户等级 客户层级 客户性质 客户属性 客户细分 客户群 所属行业 行业类型 行业 细分市场 市场细分 =细分 customertype " +
        "customersegment customerlevel customertier customerclass customercategory accounttype " +
        "accountsegment accountlevel accounttier segment industry vertical =tier",
    ),
    exclude: /机会|商机|订单|单据|deal|opportunit|order|产品|product/,
  },
  amount: {
    synonyms: words(
      "成交金额 签约金额 合同金额 买家实际支付金额 实际支付金额 实付金额 应付金额 订单金额 销售金额 销售额 成交额 价税合计 税价合计 含税金额 商机金额 总金额 订单总额 总额 商品总价 金额 营业额 收入 =amount dealamount " +
        "dealvalue closevalue opportunityamount actualrevenue totalamount orderamount ordertotal ordervalue " +
        "invoiceamount salesamount grossamount amount revenue =sales =value =total totalprice linetotal " +
        "netamount subtotal price",
    ),
    plan: ESTIMATE,
    weak: /expectedrevenue|weighted|forecast|预测|加权|期望|不含税|无税|未税|净额|已收|未收|应收|实收|收款|回款|开票金额|商品金额|商品总价|price|单价|^net|subtotal/,
    exclude:
      /discount|折扣|优惠|立减|probab|概率|赢率|可能性|percent|比例|比率|税率|汇率|%|quantity|qty|数量|件数|^tax|taxamount|税额|vat|cost|成本|毛利|利润|margin|profit|budget|预算|目标|target|quota|佣金|commission|提成|运费|邮费|shipping|freight|refund|退款|积分|服务费|单位|currency|币种|币别/,
  },
  orderId: {
    synonyms: words(
      "订单号 订单编号 订单id 单据编号 单据号 销售单号 出库单号 合同编号 合同号 商机编号 机会编号 发票号 单号 orderid ordernumber orderno =order " +
        "dealid opportunityid recordid invoicenumber invoiceno documentnumber docno billno salesorder " +
        "sonumber",
    ),
    exclude: /客户|customer|account|产品|product|物料|item|sku|contact|联系人|^row|行号/,
    beside: { name: /^lineitem/ },
  },
  status: {
    synonyms: words(
      "=status dealstatus opportunitystatus orderstatus financialstatus 赢单状态 商机状态 成交状态 输赢状态 输赢 赢输 outcome =result " +
        "wonlost winloss 订单状态 单据状态 收款状态 回款状态 付款状态 paymentstatus 结果 =stage dealstage salesstage opportunitystage stagename " +
        "pipelinephase statusreason 销售阶段 商机阶段 当前阶段 阶段 状态 stage status",
    ),
    exclude:
      /forecast|预测|lostreason|wonreason|原因|生命状态|lifecycle|(?:付款|payment|回款|收款)(?!状态|status)|开票|invoice|审批|approval|发货|出库|物流|fulfil|售后|退款|refund|probab/,
  },
  product: {
    synonyms: words(
      "产品线 产品类别 产品分类 产品大类 产品类型 商品类别 商品分类 品类 存货分类 =类别 产品名称 产品 商品名称 商品标题 商品 宝贝标题 宝贝名称 存货名称 物料名称 productline productcategory " +
        "productfamily category =product producttype productname itemcategory itemname =item",
    ),
    exclude: /id$|编号|编码|code|sku|数量|qty|quantity|price|价|金额|amount|规格|型号/,
  },
  calls: {
    synonyms: words("电话量 电话数 电话 外呼 通话 拨打 phonecalls calls =call"),
    exclude: /号码|number|手机|时长|duration|时间|日期/,
  },
  visits: { synonyms: words("拜访量 拜访数 拜访 面访 visits meetings =visit"), exclude: /人|时间|日期|地址|对象/ },
  followUps: {
    synonyms: words("跟进次数 跟进频次 跟进 followups follow-ups followup"),
    exclude: /人|日期|时间|date|time|方式|记录|内容|状态/,
  },
  proposals: {
    synonyms: words("方案提交数 方案提交 方案数 方案 proposals quotes"),
    exclude: /名称|内容|金额|日期|时间/,
  },
} satisfies Readonly<Record<string, FieldVocabulary>>;
