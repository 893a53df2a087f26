import { Button as TaroButton, Text, type ButtonProps } from '@tarojs/components';
import type { ReactNode } from 'react';
import './button.scss';

export type ButtonKind = 'primary' | 'secondary' | 'danger';

export interface AppButtonProps extends Omit<ButtonProps, 'disabled' | 'loading' | 'className' | 'children' | 'onClick'> {
  /** primary: the one thing to do on a card; secondary: another choice; danger: deletes or gives up something. */
  kind?: ButtonKind;
  /** Not available now: looks greyed out and ignores taps. */
  disabled?: boolean;
  /** A press is under way: shows the spinner and ignores further taps (a double tap sends once). */
  busy?: boolean;
  /** Extra layout classes (width, margins) — never colours: colours come from `kind` and the state. */
  className?: string;
  onClick?: () => void;
  children?: ReactNode;
  'data-testid'?: string;
}

/**
 * The one button every page draws. Its look follows what it does: a disabled or busy button is
 * greyed out AND ignores taps; an enabled one never looks disabled. Taro's H5 button turns
 * `disabled={false}` into a `disabled="false"` attribute that its stylesheet greys out, so the
 * props are passed only when true.
 *
 * The busy spinner is drawn here, not with Taro's `loading` prop: on H5 the button is a Stencil
 * component that inserts its own spinner before the children React put there, and once React has
 * replaced those children (a label that changes with the press) Stencil's insertBefore throws
 * "The node before which the new node is to be inserted is not a child of this node" on every
 * submit. The spinner is always in the tree and only shown while busy, so nothing is inserted.
 */
export function AppButton({ kind = 'primary', disabled = false, busy = false, className, onClick, children, ...rest }: AppButtonProps) {
  const off = disabled || busy;
  const classes = ['button', `button--${kind}`, off ? 'button--off' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <TaroButton
      {...rest}
      className={classes}
      {...(off ? { disabled: true, 'aria-disabled': true } : {})}
      onClick={() => {
        if (!off) onClick?.();
      }}
    >
      <Text className={busy ? 'button__spinner button__spinner--on' : 'button__spinner'} aria-hidden />
      {children}
    </TaroButton>
  );
}
