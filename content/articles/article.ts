/**
 * 维权普法文章的数据类型。
 * 每篇文章一文件（content/articles/<slug>.ts），由 index.ts 汇总为 ARTICLES。
 * 法律内容以 effectiveLawCheckedAt 当日有效的法律为准，待工会律师复核（reviewedBy）。
 */
export type ArticleCategory =
  | 'contract'
  | 'wages'
  | 'hours'
  | 'social-insurance'
  | 'injury'
  | 'termination'
  | 'women'
  | 'dispatch'
  | 'dispute'
  | 'migrant';

export interface LegalBasis {
  /** 法律名称，带书名号，如 《中华人民共和国劳动合同法》 */
  law: string;
  /** 条文编号，如 第八十二条 */
  article: string;
  /** 版本，如 2012年12月28日修正，2013年7月1日起施行 */
  version: string;
  /** 用自己的话概括这一条说了什么 */
  gist: string;
}

export interface ArticleDeadline {
  what: string;
  limit: string;
  basis: string;
}

export interface ArticleCase {
  title: string;
  story: string;
  outcome: string;
}

export interface LegalArticle {
  /** kebab-case 英文，稳定 id */
  slug: string;
  category: ArticleCategory;
  /** 职工会怎么问，不带《》 */
  title: string;
  /** 职工用自己的话描述的处境，1–3 句 */
  question: string;
  /** 先给答案，≤ 80 字 */
  shortAnswer: string;
  /** 按顺序做什么，祈使句 */
  steps: string[];
  /** 要留的证据 */
  evidence: string[];
  /** 适用的期限 */
  deadlines: ArticleDeadline[];
  /** 法律依据：文中每个法律判断都能在这里找到出处 */
  basis: LegalBasis[];
  /** 广东 / 佛山的特别规定 */
  localNotes?: string[];
  /** 改编案例：不含真实姓名、企业名或案号 */
  case: ArticleCase;
  /** 职工的口头说法，用于搜索 */
  keywords: string[];
  /** 相关文章 slug */
  related: string[];
  reviewedBy: string;
  reviewedAt: string;
  effectiveLawCheckedAt: string;
}

/**
 * 常用法律名称与版本（供各文章文件共享，避免写法不一致）。版本信息核对日期：2026-11-24。
 */
export const LAW = {
  laborContract: { law: '《中华人民共和国劳动合同法》', version: '2007年6月29日通过，2012年12月28日修正，2013年7月1日起施行' },
  laborContractRegs: { law: '《中华人民共和国劳动合同法实施条例》', version: '国务院令第535号，2008年9月18日公布施行' },
  labor: { law: '《中华人民共和国劳动法》', version: '1994年7月5日通过，2018年12月29日第二次修正' },
  socialInsurance: { law: '《中华人民共和国社会保险法》', version: '2010年10月28日通过，2018年12月29日修正' },
  injury: { law: '《工伤保险条例》', version: '2010年12月20日修订，2011年1月1日起施行' },
  disputeLaw: { law: '《中华人民共和国劳动争议调解仲裁法》', version: '2007年12月29日通过，2008年5月1日起施行' },
  interp1: { law: '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》', version: '法释〔2020〕26号，2021年1月1日起施行' },
  interp2: { law: '《最高人民法院关于审理劳动争议案件适用法律问题的解释（二）》', version: '法释〔2025〕12号，2025年9月1日起施行' },
  women: { law: '《女职工劳动保护特别规定》', version: '国务院令第619号，2012年4月28日公布施行' },
  gdPopulation: { law: '《广东省人口与计划生育条例》', version: '2021年12月1日广东省人大常委会修正' },
  annualLeave: { law: '《职工带薪年休假条例》', version: '国务院令第514号，2008年1月1日起施行' },
  annualLeaveRules: { law: '《企业职工带薪年休假实施办法》', version: '人力资源和社会保障部令第1号，2008年9月18日起施行' },
  dispatch: { law: '《劳务派遣暂行规定》', version: '人力资源和社会保障部令第22号，2014年3月1日起施行' },
  migrantWages: { law: '《保障农民工工资支付条例》', version: '国务院令第724号，2020年5月1日起施行' },
  holidays: { law: '《全国年节及纪念日放假办法》', version: '2024年11月修订，2025年1月1日起施行' },
  workingHours: { law: '《国务院关于职工工作时间的规定》', version: '1995年3月25日修订，1995年5月1日起施行' },
  legalAid: { law: '《中华人民共和国法律援助法》', version: '2021年8月20日通过，2022年1月1日起施行' },
  wagePayment: { law: '《工资支付暂行规定》', version: '劳部发〔1994〕489号' },
  gdWages: { law: '《广东省工资支付条例》', version: '2005年1月19日通过，2016年9月29日修正' },
  criminal: { law: '《中华人民共和国刑法》', version: '现行文本（含历次修正案）' },
  employmentPromotion: { law: '《中华人民共和国就业促进法》', version: '2007年8月30日通过，2015年4月24日修正' },
} as const;

export const REVIEW = {
  reviewedBy: '九江镇总工会法律服务团队（待律师复核）',
  reviewedAt: '2026-11-24',
  effectiveLawCheckedAt: '2026-11-24',
} as const;
