import { dateTimeFormat, relativeTimeFormat } from '@/lib/i18n/formats';
import type { I18n } from '@/lib/i18n/translate';
import { useI18n } from './i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", all of it in the agent's language (Intl in the UI language, never the OS's). */
export function formatRelative({ t, locale }: I18n, iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return t('time.unknown');
  const seconds = Math.round((time - now) / 1000);
  const format = relativeTimeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return t('time.justNow');
}

/** A relative time ("3 hours ago") with the exact time on hover and for assistive tech. */
export function RelativeTime({ iso, now }: { iso: string; now?: number }) {
  const i18n = useI18n();
  const date = new Date(iso);
  const exact = Number.isNaN(date.getTime()) ? iso : dateTimeFormat(i18n.locale).format(date);
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(i18n, iso, now)}
    </time>
  );
}
