/**
 * The mobile-number rule as a schema, for action inputs. Kept apart from phone.ts so that the pages,
 * which import the rule at runtime, never pull zod into the mini-program.
 */
import * as z from 'zod';
import { mobileProblem } from './phone';

/** The schema form of the rule, for action inputs. */
export const mobilePhone = z
  .string()
  .trim()
  .superRefine((phone, ctx) => {
    const problem = mobileProblem(phone);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('手机号');
