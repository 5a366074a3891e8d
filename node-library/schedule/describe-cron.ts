const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayAbbreviations = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const monthAbbreviations = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const isNumber = (f: string) => /^\d+$/.test(f);
const isAny = (f: string) => f === '*' || f === '?';
const pad = (n: string) => n.padStart(2, '0');

/**
 * A cron expression in plain language ("At 13:00, Monday through Friday").
 * Covers the common shapes; anything else is described field by field.
 */
export function describeCron(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const [second, minute, hour, dom, month, dow] = fields.length === 5 ? ['0', ...fields] : fields;
  const time = describeTime(second, minute, hour);
  const days = [describeDays(dom, dow), describeMonths(month)].filter(Boolean).join(', ');
  return days ? `${time}, ${days}` : time;
}

function describeTime(second: string, minute: string, hour: string): string {
  if (isNumber(second) && isNumber(minute) && isNumber(hour)) {
    return `At ${pad(hour)}:${pad(minute)}${second === '0' ? '' : `:${pad(second)}`}`;
  }
  const step = (field: string) => /^(?:\*|0)\/(\d+)$/.exec(field)?.[1];
  if (isAny(hour) && isAny(minute)) {
    if (isAny(second)) return 'Every second';
    if (step(second)) return `Every ${step(second)} seconds`;
  }
  if (isAny(hour) && second === '0') {
    if (isAny(minute)) return 'Every minute';
    if (step(minute)) return `Every ${step(minute)} minutes`;
    if (isNumber(minute)) return minute === '0' ? 'Every hour, on the hour' : `Every hour at minute ${minute}`;
  }
  if (second === '0' && isNumber(minute) && step(hour)) return `Every ${step(hour)} hours at minute ${minute}`;
  return `At second ${second}, minute ${minute}, hour ${hour}`;
}

function describeDays(dom: string, dow: string): string {
  const parts: string[] = [];
  if (!isAny(dom)) parts.push(`on day ${dom.replace(/,/g, ', ')} of the month`);
  if (!isAny(dow)) parts.push(describeWeekdays(dow));
  // croner combines a restricted day of month and day of week with OR, as Vixie cron does.
  return parts.join(' or ');
}

function describeWeekdays(dow: string): string {
  const name = (token: string) => {
    const upper = token.toUpperCase();
    const abbreviated = dayAbbreviations.indexOf(upper);
    if (abbreviated >= 0) return dayNames[abbreviated];
    return isNumber(token) && Number(token) <= 7 ? dayNames[Number(token)] : token;
  };
  const range = /^(\w+)-(\w+)$/.exec(dow);
  if (range) return `${name(range[1])} through ${name(range[2])}`;
  return `on ${dow.split(',').map(name).join(', ')}`;
}

function describeMonths(month: string): string {
  if (isAny(month)) return '';
  const name = (token: string) => {
    const abbreviated = monthAbbreviations.indexOf(token.toUpperCase());
    if (abbreviated >= 0) return monthNames[abbreviated];
    return isNumber(token) && Number(token) >= 1 && Number(token) <= 12 ? monthNames[Number(token) - 1] : token;
  };
  const range = /^(\w+)-(\w+)$/.exec(month);
  if (range) return `${name(range[1])} through ${name(range[2])}`;
  return `in ${month.split(',').map(name).join(', ')}`;
}
