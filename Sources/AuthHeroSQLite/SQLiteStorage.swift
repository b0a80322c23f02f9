import AuthHeroCore
import GRDB
