/**
 * The legal Q&A articles as the content team writes them: one file per article
 * (content/articles/<slug>.ts), gathered into ARTICLES by index.ts. The shape is the contract's
 * ArticleContent (local notes optional here). The law cited is the law in force on
 * effectiveLawCheckedAt. The union's lawyer signs an article off in the staff pages
 * (rights.staffReviewArticle); an article written here starts unreviewed (docs/rights.md).
 */
import type { ArticleContent } from '../../contract/rights/model';

export type { ArticleCategory, LegalBasis } from '../../contract/rights/model';

export type LegalArticle = Omit<ArticleContent, 'localNotes'> & { localNotes?: string[] };

/** Names and versions of the laws cited, written once for every article (versions checked 2026-11-24). */
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
  civilCode: { law: '《中华人民共和国民法典》', version: '2020年5月28日通过，2021年1月1日起施行' },
  injuryCasesSPC: { law: '《最高人民法院关于审理工伤保险行政案件若干问题的规定》', version: '法释〔2014〕9号，2014年9月1日起施行' },
  illegalEmployerCompensation: { law: '《非法用工单位伤亡人员一次性赔偿办法》', version: '人力资源和社会保障部令第9号，2011年1月1日起施行' },
  bankruptcy: { law: '《中华人民共和国企业破产法》', version: '2006年8月27日通过，2007年6月1日起施行' },
  medicalPeriod: { law: '《企业职工患病或非因工负伤医疗期规定》', version: '劳部发〔1994〕479号，1995年1月1日起施行' },
  laborLawOpinions: { law: '《关于贯彻执行〈中华人民共和国劳动法〉若干问题的意见》', version: '劳部发〔1995〕309号' },
  minimumWage: { law: '《最低工资规定》', version: '劳动和社会保障部令第21号，2004年3月1日起施行' },
  flexibleHoursApproval: { law: '《关于企业实行不定时工作制和综合计算工时工作制的审批办法》', version: '劳部发〔1994〕503号，1995年1月1日起施行' },
  injuryOpinions: { law: '《人力资源社会保障部关于执行〈工伤保险条例〉若干问题的意见》', version: '人社部发〔2013〕34号' },
  laborRelationNotice: { law: '《关于确立劳动关系有关事项的通知》', version: '劳社部发〔2005〕12号' },
  occupationalDisease: { law: '《中华人民共和国职业病防治法》', version: '2001年10月27日通过，2018年12月29日第四次修正' },
  pensionTransfer: { law: '《城镇企业职工基本养老保险关系转移接续暂行办法》', version: '国办发〔2009〕66号，2010年1月1日起施行' },
  heatProtection: { law: '《防暑降温措施管理办法》', version: '安监总安健〔2012〕89号，2012年6月29日起施行' },
  tradeUnion: { law: '《中华人民共和国工会法》', version: '1992年4月3日通过，2021年12月24日第三次修正' },
  unionMembership: { law: '《工会会员会籍管理办法》', version: '中华全国总工会2016年12月12日审议通过' },
} as const;

/**
 * Who wrote the team's articles, their review state and the day the law was checked. Written
 * here, the state is unreviewed: only the lawyer's action in the staff pages marks an article
 * reviewed, and workers are never shown the unreviewed state (docs/rights.md).
 */
export const REVIEW: Pick<ArticleContent, 'author' | 'review' | 'effectiveLawCheckedAt'> = {
  author: '九江镇总工会法律服务团队',
  review: { state: 'draft-unreviewed' },
  effectiveLawCheckedAt: '2026-11-24',
};
