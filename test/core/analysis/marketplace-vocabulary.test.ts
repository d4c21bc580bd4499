import { DEAL_FIELDS, detectFields } from "../../../src/core/analysis/reading/fields";

/**
 * Default header rows of marketplace, shop and CRM-sample exports (sources in docs/EXPORT-VOCABULARY.md), the
 * fields they must give, and the columns that must not win although their words look alike.
 */
const split = (row: string) => row.split(",");

describe("header vocabulary of marketplace, shop and sample exports", () => {
  it.each([
    [
      "Taobao/Tmall seller orders (payment time, the amount actually paid, the member name)",
      "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头",
      {
        orderId: "订单编号",
        customer: "买家会员名",
        amount: "买家实际支付金额",
        status: "订单状态",
        date: "订单付款时间",
        product: "宝贝标题",
      },
    ],
    [
      "JD seller orders (the account before the consignee's name, the payable amount before the order amount)",
      "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,订单备注",
      { orderId: "订单号", product: "商品名称", date: "下单时间", amount: "应付金额", status: "订单状态", customer: "下单帐号" },
    ],
    [
      "Pinduoduo orders (what the user paid, never a discount or the goods' list price)",
      "商品,订单号,订单状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),多多支付立减金额(元),用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,样式ID,商家编码-规格维度,商家编码-商品维度,商家备注,售后状态,快递单号,快递公司,订单成交时间,收货人,手机",
      {
        product: "商品",
        orderId: "订单号",
        status: "订单状态",
        amount: "用户实付金额(元)",
        date: "订单成交时间",
        customer: "收货人",
      },
    ],
    [
      "Shopify orders (Total, not Subtotal or a line's price; paid, not fulfilled)",
      "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing City,Shipping Name,Shipping City,Notes,Payment Method,Refunded Amount,Vendor,Id,Tags",
      {
        orderId: "Name",
        status: "Financial Status",
        date: "Paid at",
        amount: "Total",
        product: "Lineitem name",
        customer: "Billing Name",
      },
    ],
    [
      "WooCommerce, Advanced Order Export (a customer note is no customer)",
      "Order Number,Order Status,Order Date,Customer Note,First Name (Billing),Last Name (Billing),Email (Billing),Customer User ID,Order Subtotal Amount,Order Shipping Amount,Order Total Amount,Item Name,Quantity (- Refund),Item Cost",
      {
        orderId: "Order Number",
        status: "Order Status",
        date: "Order Date",
        customer: "Customer User ID",
        amount: "Order Total Amount",
        product: "Item Name",
      },
    ],
    [
      "WooCommerce, Import Export Suite column keys",
      "order_id,order_number,order_date,paid_date,status,shipping_total,tax_total,cart_discount,discount_total,order_total,order_subtotal,order_currency,payment_method,customer_id,customer_user,customer_email,billing_first_name",
      { orderId: "order_id", date: "order_date", status: "status", amount: "order_total", customer: "customer_id" },
    ],
    [
      "CRM pipeline in snake_case (Maven sales_pipeline.csv)",
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
      {
        orderId: "opportunity_id",
        rep: "sales_agent",
        product: "product",
        customer: "account",
        status: "deal_stage",
        date: "close_date",
        amount: "close_value",
      },
    ],
    [
      "Superstore in Chinese (细分 is the segment; never the ship date, discount, profit or quantity)",
      "行 ID,订单 ID,订单日期,发货日期,邮寄方式,客户 ID,客户名称,细分,城市,省/自治区,国家,地区,产品 ID,类别,子类别,产品名称,销售额,数量,折扣,利润",
      { orderId: "订单 ID", date: "订单日期", customer: "客户 ID", customerType: "细分", product: "类别", amount: "销售额" },
    ],
    [
      "Superstore in English",
      "Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,Country,City,State,Postal Code,Region,Product ID,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit",
      {
        orderId: "Order ID",
        date: "Order Date",
        customer: "Customer ID",
        customerType: "Segment",
        product: "Category",
        amount: "Sales",
      },
    ],
    [
      "Kaggle sample sales data (SALES, not PRICEEACH)",
      "ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERLINENUMBER,SALES,ORDERDATE,STATUS,QTR_ID,MONTH_ID,YEAR_ID,PRODUCTLINE,MSRP,PRODUCTCODE,CUSTOMERNAME,PHONE,ADDRESSLINE1,ADDRESSLINE2,CITY,STATE,POSTALCODE,COUNTRY,TERRITORY,CONTACTLASTNAME,CONTACTFIRSTNAME,DEALSIZE",
      {
        orderId: "ORDERNUMBER",
        amount: "SALES",
        date: "ORDERDATE",
        status: "STATUS",
        product: "PRODUCTLINE",
        customer: "CUSTOMERNAME",
      },
    ],
  ])("%s", (_name, header, expected) => {
    expect(detectFields(DEAL_FIELDS, split(header)).headers).toEqual(expected);
  });

  it.each([
    ["Subtotal, Lineitem price", "Subtotal,Lineitem price,Created at", "Subtotal"],
    ["商品总价 behind nothing else", "商品总价(元),店铺优惠折扣(元),下单时间", "商品总价(元)"],
    ["商家实收金额 when the user's payment is missing", "商家实收金额(元),多多支付立减金额(元),支付时间", "商家实收金额(元)"],
    ["总金额 when 买家实际支付金额 is missing", "买家应付货款,总金额,订单付款时间", "总金额"],
  ])("takes a weaker amount only when nothing better exists: %s", (_name, header, amount) => {
    expect(detectFields(DEAL_FIELDS, split(header)).headers.amount).toBe(amount);
  });

  it("never reads a discount, a refund, postage, points, profit or a quantity as the amount", () => {
    const header = split("多多支付立减金额(元),邮费(元),退款金额,买家实际支付积分,Refunded Amount,利润,折扣,数量,订单日期");
    expect(detectFields(DEAL_FIELDS, header).headers).toEqual({ date: "订单日期" });
  });

  it("reads an order's creation time where its payment time is blank (orders never paid)", () => {
    const taobao = detectFields(DEAL_FIELDS, split("订单编号,订单创建时间,订单付款时间,买家实际支付金额"));
    expect(taobao.headers.date).toBe("订单付款时间");
    expect(taobao.fallbacks.date).toEqual({ column: 1, header: "订单创建时间" });
    const crm = detectFields(DEAL_FIELDS, split("Close Date,Created Date,Amount"));
    expect(crm.fallbacks).toEqual({});
  });

  it("takes the engage date of a pipeline only when there is no close date", () => {
    expect(detectFields(DEAL_FIELDS, split("engage_date,close_value")).headers.date).toBe("engage_date");
    expect(detectFields(DEAL_FIELDS, split("engage_date,close_date,close_value")).headers.date).toBe("close_date");
  });

  it("reads a lone Name column as nobody's order number", () => {
    expect(detectFields(DEAL_FIELDS, split("Name,Date,Amount")).headers.orderId).toBeUndefined();
  });
});
