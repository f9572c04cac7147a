from ninja import NinjaAPI

api = NinjaAPI(title="Randwijzer API", version="1", description="Steunmaatregelen en partners voor de Vlaamse Rand.")
