import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';

export default function RightsPage() {
  return (
    <PageShell>
      <View className='card'>
        <Text className='title' style={{ display: 'block' }}>
          维权普法
        </Text>
        <Text className='muted' style={{ display: 'block' }}>
          遇到欠薪、工伤、被辞退等问题，可以打全国工会职工服务热线 12351，或到职工·家服务中心免费咨询。
        </Text>
        <Button className='button' onClick={() => void Taro.makePhoneCall({ phoneNumber: '12351' })}>
          打 12351
        </Button>
      </View>
    </PageShell>
  );
}
