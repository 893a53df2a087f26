import { Text, View } from '@tarojs/components';
import { ARTICLE_CATEGORY_LABELS, type ArticleSummary } from '@contract/rights/model';
import { openArticle } from './nav';
import './rights.scss';

/** A list of articles: each row (the question and the short answer) is one big tap target. */
export function ArticleList({ articles, showReads = false }: { articles: ArticleSummary[]; showReads?: boolean }) {
  return (
    <View className='rt-articles'>
      {articles.map((a) => (
        <View
          key={a.slug}
          className='list-row'
          hoverClass='rt-pressed'
          onClick={() => openArticle(a.slug)}
          aria-role='link'
          aria-label={a.title}
          data-slug={a.slug}
        >
          <Text className='rt-item__title'>{a.title}</Text>
          <Text className='muted rt-item__line'>
            {ARTICLE_CATEGORY_LABELS[a.category]}
            {showReads && a.reads > 0 ? ` · ${a.reads} 人看过` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
