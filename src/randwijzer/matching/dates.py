"""Dutch date wording and month arithmetic for the matcher's explanations."""
import calendar
import datetime as dt

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]


def add_months(date: dt.date, months: int) -> dt.date:
    """Same day `months` later (or earlier); the 31st becomes the month's last day."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def day_month(month: int, day: int) -> str:
    return f"{day} {MONTHS[month - 1]}"


def long_date(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def months_word(n: int) -> str:
    return "1 maand" if n == 1 else f"{n} maanden"
