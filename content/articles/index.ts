import type { LegalArticle } from './article';
import unsignedContractDoubleWages from './unsigned-contract-double-wages';
import blankContractWageMismatch from './blank-contract-wage-mismatch';
import probationRules from './probation-rules';
import socialInsuranceProbationWaiver from './social-insurance-probation-waiver';
import unpaidWages from './unpaid-wages';
import minimumWage from './minimum-wage';
import overtimePay from './overtime-pay';
import comprehensiveHoursPieceRate from './comprehensive-hours-piece-rate';
import highTemperatureAllowance from './high-temperature-allowance';
import deductionsFinesDeposits from './deductions-fines-deposits';
import workingHoursHolidays from './working-hours-holidays';
import paidAnnualLeave from './paid-annual-leave';
import sickLeaveMedicalPeriod from './sick-leave-medical-period';
import workInjuryClaim from './work-injury-claim';
import injuryWithoutInsurance from './injury-without-insurance';
import occupationalDisease from './occupational-disease';
import transferPayCutForcedOut from './transfer-pay-cut-forced-out';
import factoryStoppageClosure from './factory-stoppage-closure';
import dismissalCompensation from './dismissal-compensation';
import quitJobProperly from './quit-job-properly';
import leavingCertificateDuties from './leaving-certificate-duties';
import socialInsuranceTransfer from './social-insurance-transfer';
import pregnancyMaternityRights from './pregnancy-maternity-rights';
import laborDispatch from './labor-dispatch';
import outsourcingVsDispatch from './outsourcing-vs-dispatch';
import nonCompeteTrainingServicePeriod from './non-compete-training-service-period';
import laborArbitrationSteps from './labor-arbitration-steps';
import subcontractorBoss from './subcontractor-boss';
import migrantUnionHelp from './migrant-union-help';
import unionMembershipTransfer from './union-membership-transfer';

export type { LegalArticle, LegalBasis, ArticleCategory } from './article';

/**
 * 全部维权普法文章，按一个职工从入职到离职、再到维权的顺序排列：
 * 入职签合同 → 试用期与社保 → 工资（含最低工资、高温津贴）→ 工时休假、病假 → 工伤、职业病 →
 * 调岗降薪、停工关厂、辞退辞职、离职手续和社保转移 → 特殊群体（女职工、派遣与外包）→ 怎么维权、找谁帮忙（含包工头、工会会籍）。
 */
export const ARTICLES: readonly LegalArticle[] = [
  unsignedContractDoubleWages,
  blankContractWageMismatch,
  probationRules,
  socialInsuranceProbationWaiver,
  unpaidWages,
  minimumWage,
  overtimePay,
  comprehensiveHoursPieceRate,
  highTemperatureAllowance,
  deductionsFinesDeposits,
  workingHoursHolidays,
  paidAnnualLeave,
  sickLeaveMedicalPeriod,
  workInjuryClaim,
  injuryWithoutInsurance,
  occupationalDisease,
  transferPayCutForcedOut,
  factoryStoppageClosure,
  dismissalCompensation,
  quitJobProperly,
  leavingCertificateDuties,
  socialInsuranceTransfer,
  pregnancyMaternityRights,
  laborDispatch,
  outsourcingVsDispatch,
  nonCompeteTrainingServicePeriod,
  laborArbitrationSteps,
  subcontractorBoss,
  migrantUnionHelp,
  unionMembershipTransfer,
];
