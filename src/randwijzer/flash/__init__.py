"""The Subsidieflash: subscribers, monthly editions per reader, reminders and the outbox that sends them."""
