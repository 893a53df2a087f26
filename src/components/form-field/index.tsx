import { dayText } from '@contract/time';
import type { ReactNode } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import './form-field.scss';

/**
 * One labelled box of a form (staff editors, the 帮扶 application): the label above, the server's plain-Chinese problem (named by
 * the schema's `.describe()` label, contract/field-messages.ts) in red below. No box goes unlabelled.
 */
export function LabelledField({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <View className='form-field'>
      <Text className='form-field__label'>{label}</Text>
      {children}
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  );
}

/**
 * A date or a time chosen with the phone's own picker (Taro Picker), never typed: the value shows
 * in a box as big as a text box, and the box is labelled for screen readers and tests.
 */
export function PickerField({
  mode,
  label,
  value,
  onChange,
  error,
  start,
}: {
  mode: 'date' | 'time';
  label: string;
  /** 'YYYY-MM-DD' or 'HH:mm' */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** The earliest choice, e.g. today for a date ahead. */
  start?: string;
}) {
  return (
    <LabelledField label={label} error={error}>
      <Picker mode={mode} value={value} {...(start ? { start } : {})} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='input form-field__picker' role='button' aria-label={label}>
          {/* the chosen day as a person reads it (11月30日 周一); the picker keeps 'YYYY-MM-DD' */}
          <Text>{value ? (mode === 'date' ? dayText(value) : value) : '请选择'}</Text>
          <Text className='muted'>›</Text>
        </View>
      </Picker>
    </LabelledField>
  );
}
