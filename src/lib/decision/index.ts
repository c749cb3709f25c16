// Public API of the decision model (see evaluate.ts for how answers become a plan).
export {
  CHAPTER_PATHS,
  PUBLISHERS,
  RFC_ID_PATTERN,
  isResolvableCitation,
  type ChapterPath,
  type Citation,
  type Publisher,
} from '../citations/citations';
export { DecisionError } from './errors';
export {
  evaluate,
  validateAnswers,
  type Cause,
  type Caveat,
  type DecisionResult,
  type Note,
  type OptionStatus,
  type PlanEntry,
  type PlanRole,
  type PlatformFit,
  type RankedOption,
  type Reason,
} from './evaluate';
export { MAINSTREAM_PLATFORMS, OPTION_IDS, OPTIONS, supportOf, type OptionId, type Support, type SupportLevel } from './options';
export {
  ALLOWED_ANSWERS,
  PLATFORM_IDS,
  PLATFORM_LABELS,
  QUESTIONS,
  type Answers,
  type PlatformId,
  type Question,
  type QuestionId,
  type QuestionOption,
} from './questions';
export { DECISION_URL_STATE, WIZARD_MODES, WIZARD_CODEC, encodeWizard, readWizardQuery, wizardQuery, type WizardMode, type WizardState } from './url-state';
