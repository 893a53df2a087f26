import { Text, View } from '@tarojs/components';
import type { FigureBar } from '@contract/staff/model';
import './staff.scss';

/** A horizontal bar chart made of Views: label, number, and a bar scaled to the largest value. */
export function Bars({ rows, unit = '人次', empty = '这段时间没有记录' }: { rows: Pick<FigureBar, 'key' | 'label' | 'n'>[]; unit?: string; empty?: string }) {
  if (rows.length === 0) return <Text className='muted'>{empty}</Text>;
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <View>
      {rows.map((r) => (
        <View key={r.key} className='st-bar' aria-label={`${r.label} ${r.n}${unit}`}>
          <View className='st-bar__label'>
            <Text>{r.label}</Text>
            <Text>
              {r.n}
              {unit}
            </Text>
          </View>
          <View className='st-bar__track'>
            <View className='st-bar__fill' style={{ width: `${Math.round((r.n / max) * 100)}%` }} />
          </View>
        </View>
      ))}
    </View>
  );
}
