import { categoryArticles, getArticle, myFavourites, rightsHome, setFavourite, voteArticle } from '../domain/rights/articles';
import { ask, getConsultation, myConsultations, rateAnswer, staffAnswer, staffClaim, staffConsultation, staffConsultations, staffRevealPhone } from '../domain/rights/consultations';
import { searchArticles } from '../domain/rights/search-cache';
import {
  staffArticle,
  staffArticles,
  staffInsights,
  staffReviewArticle,
  staffSaveArticle,
  staffSetArticleStatus,
  staffSyncArticles,
} from '../domain/rights/staff-articles';
import { limited } from '../domain/rate-limits';
import { createEntry } from '../runtime/entry';

export const main = createEntry('rights', {
  handlers: {
    home: rightsHome,
    category: categoryArticles,
    search: searchArticles,
    article: getArticle,
    vote: limited('rights', voteArticle),
    favourite: limited('rights', setFavourite),
    myFavourites,
    ask: limited('rights', ask),
    myConsultations,
    consultation: getConsultation,
    rate: limited('rights', rateAnswer),
    staffArticles,
    staffArticle,
    staffSaveArticle,
    staffSetArticleStatus,
    staffReviewArticle,
    staffSyncArticles,
    staffConsultations,
    staffConsultation,
    staffRevealPhone,
    staffClaim,
    staffAnswer,
    staffInsights,
  },
});
