import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { UNION_HOTLINE } from '@contract/rights/model';
import './rights.scss';
import { AppButton } from '../button';

/** The way out of every dead end: the union's hotline, one tap to call. */
export function HotlineCard({ text = '急事、说不清的事，直接打工会热线' }: { text?: string }) {
  return (
    <View className='card rt-hotline'>
      <Text style={{ display: 'block' }}>{text}</Text>
      <AppButton onClick={() => void Taro.makePhoneCall({ phoneNumber: UNION_HOTLINE })} aria-label={`打电话 ${UNION_HOTLINE}`}>
        打 {UNION_HOTLINE}
      </AppButton>
    </View>
  );
}
