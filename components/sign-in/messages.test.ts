// The sign-in form's messages: a code from the URL never puts the caller's text on the page.
import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './messages';

describe('signInErrorMessage', () => {
  it('says how many seconds to wait when the code carries a number of seconds', () => {
    expect(signInErrorMessage('TooManyAttempts:30')).toBe('Too many failed sign-in attempts. Try again in 30 seconds.');
    expect(signInErrorMessage('TooManyAttempts')).toBe('Too many failed sign-in attempts. Try again in a few seconds.');
  });

  it('never repeats anything but digits after TooManyAttempts', () => {
    for (const text of ['Call 555-0100 now', '-1', '1e9', ' 30', '30 ', '', '1234567', '٣٠', '30:more'])
      expect(signInErrorMessage(`TooManyAttempts:${text}`)).toBe('Too many failed sign-in attempts. Try again in a few seconds.');
  });

  it('answers one generic message for an unknown code', () => {
    expect(signInErrorMessage('Anything you like')).toBe('Sign-in failed. Please try again.');
  });
});
