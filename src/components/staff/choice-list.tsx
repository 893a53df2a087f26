import { Text, View } from '@tarojs/components';
import './staff.scss';

export interface ChoiceOption {
  id: string;
  label: string;
  /** A second, quieter line (the centre of a 便民日, …). */
  hint?: string;
}

/** A staff page's "which one?" step: one big row per option, the whole row is the target. */
export function ChoiceList({ title, options, onPick }: { title: string; options: ChoiceOption[]; onPick: (id: string) => void }) {
  return (
    <View data-testid='choice-list'>
      <Text className='st-section'>{title}</Text>
      {options.map((o) => (
        <View key={o.id} className={o.hint ? 'st-link st-link--tall' : 'st-link'} role='button' hoverClass='rt-pressed' onClick={() => onPick(o.id)}>
          <View>
            <Text style={{ display: 'block' }}>{o.label}</Text>
            {o.hint && <Text className='muted'>{o.hint}</Text>}
          </View>
          <Text aria-hidden>›</Text>
        </View>
      ))}
    </View>
  );
}
