import type { LegalArticle } from './article';
import unsignedContractDoubleWages from './unsigned-contract-double-wages';
import blankContractWageMismatch from './blank-contract-wage-mismatch';
import probationRules from './probation-rules';
import socialInsuranceProbationWaiver from './social-insurance-probation-waiver';
import unpaidWages from './unpaid-wages';
import overtimePay from './overtime-pay';
import deductionsFinesDeposits from './deductions-fines-deposits';
import workingHoursHolidays from './working-hours-holidays';
import paidAnnualLeave from './paid-annual-leave';
import workInjuryClaim from './work-injury-claim';
import injuryWithoutInsurance from './injury-without-insurance';
import dismissalCompensation from './dismissal-compensation';
import quitJobProperly from './quit-job-properly';
import pregnancyMaternityRights from './pregnancy-maternity-rights';
import laborDispatch from './labor-dispatch';
import nonCompeteTrainingServicePeriod from './non-compete-training-service-period';
import laborArbitrationSteps from './labor-arbitration-steps';
import migrantUnionHelp from './migrant-union-help';

export type { LegalArticle, LegalBasis, ArticleCategory } from './article';

/**
 * 全部维权普法文章，按一个职工从入职到离职、再到维权的顺序排列：
 * 入职签合同 → 试用期与社保 → 工资 → 工时休假 → 工伤 → 离职 → 特殊群体 → 怎么维权、找谁帮忙。
 */
export const ARTICLES: readonly LegalArticle[] = [
  unsignedContractDoubleWages,
  blankContractWageMismatch,
  probationRules,
  socialInsuranceProbationWaiver,
  unpaidWages,
  overtimePay,
  deductionsFinesDeposits,
  workingHoursHolidays,
  paidAnnualLeave,
  workInjuryClaim,
  injuryWithoutInsurance,
  dismissalCompensation,
  quitJobProperly,
  pregnancyMaternityRights,
  laborDispatch,
  nonCompeteTrainingServicePeriod,
  laborArbitrationSteps,
  migrantUnionHelp,
];
