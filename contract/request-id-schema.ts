import * as z from 'zod';
import { REQUEST_ID_PATTERN } from './request-id';

/** The request id as every creating action validates it (see request-id.ts). */
export const requestIdSchema = z.string().regex(REQUEST_ID_PATTERN, '请求编号无效').describe('这次提交的编号');
