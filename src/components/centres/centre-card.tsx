import { Text, View } from '@tarojs/components';
import { CENTRE_SERVICE_LABELS, type CentreSummary } from '@contract/centres/model';
import { openPage, PAGES } from '../../routes';
import './centre-card.scss';

/** One centre in the home list: the whole card is the tap target. */
export function CentreCard({ centre }: { centre: CentreSummary }) {
  return (
    <View
      className='card centre-card'
      hoverClass='centre-card--pressed'
      onClick={() => openPage(PAGES.centreDetail, { id: centre.id })}
      aria-role='button'
    >
      <View className='centre-card__head'>
        <Text className='centre-card__name'>{centre.name}</Text>
        <Text className={centre.openNow ? 'tag tag--ok' : 'tag'}>{centre.openNow ? '开放中' : '已休息'}</Text>
      </View>
      <Text className='muted centre-card__line'>{centre.address}</Text>
      <Text className='muted centre-card__line'>{centre.hoursText}</Text>
      <View className='centre-card__services'>
        {centre.services.map((s) => (
          <Text key={s} className='tag'>
            {CENTRE_SERVICE_LABELS[s]}
          </Text>
        ))}
      </View>
    </View>
  );
}
