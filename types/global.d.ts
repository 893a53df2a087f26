/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

/**
 * The mini-program has no Node `process`; Taro replaces these expressions at build time
 * (TARO_ENV picks the platform, so the other platform's branch is dropped from the bundle).
 */
declare const process: {
  env: {
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    NODE_ENV?: string;
  };
};

/** The cloud environment id of a release build, '' otherwise (config/release.ts). */
declare const CLOUD_ENV: string;
